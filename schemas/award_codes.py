"""Award codes, issuer levels and recipient kinds from the field's taxonomy (domain/TAXONOMY.md)."""

from enum import StrEnum


class AwardCode(StrEnum):
    """`award_code` values. Unknown wording maps to `other`, never to the nearest guess."""

    # Emulation titles (danh hiệu thi đua)
    chien_si_thi_dua_toan_quoc = "chien_si_thi_dua_toan_quoc"
    chien_si_thi_dua_cap_bo = "chien_si_thi_dua_cap_bo"
    chien_si_thi_dua_cap_tinh = "chien_si_thi_dua_cap_tinh"
    chien_si_thi_dua_co_so = "chien_si_thi_dua_co_so"
    lao_dong_tien_tien = "lao_dong_tien_tien"
    chien_si_tien_tien = "chien_si_tien_tien"
    co_thi_dua_chinh_phu = "co_thi_dua_chinh_phu"
    co_thi_dua_cap_bo = "co_thi_dua_cap_bo"
    co_thi_dua_cap_tinh = "co_thi_dua_cap_tinh"
    tap_the_lao_dong_xuat_sac = "tap_the_lao_dong_xuat_sac"
    don_vi_quyet_thang = "don_vi_quyet_thang"
    tap_the_lao_dong_tien_tien = "tap_the_lao_dong_tien_tien"
    don_vi_tien_tien = "don_vi_tien_tien"
    xa_phuong_tieu_bieu = "xa_phuong_tieu_bieu"
    thon_to_dan_pho_van_hoa = "thon_to_dan_pho_van_hoa"
    gia_dinh_van_hoa = "gia_dinh_van_hoa"
    # Orders (Huân chương)
    huan_chuong_sao_vang = "huan_chuong_sao_vang"
    huan_chuong_ho_chi_minh = "huan_chuong_ho_chi_minh"
    huan_chuong_doc_lap = "huan_chuong_doc_lap"
    huan_chuong_quan_cong = "huan_chuong_quan_cong"
    huan_chuong_lao_dong = "huan_chuong_lao_dong"
    huan_chuong_chien_cong = "huan_chuong_chien_cong"
    huan_chuong_bao_ve_to_quoc = "huan_chuong_bao_ve_to_quoc"
    huan_chuong_dung_cam = "huan_chuong_dung_cam"
    huan_chuong_dai_doan_ket_dan_toc = "huan_chuong_dai_doan_ket_dan_toc"
    huan_chuong_huu_nghi = "huan_chuong_huu_nghi"
    # Medals and State honorary titles
    huy_chuong = "huy_chuong"
    anh_hung_lao_dong = "anh_hung_lao_dong"
    anh_hung_luc_luong_vu_trang = "anh_hung_luc_luong_vu_trang"
    ba_me_viet_nam_anh_hung = "ba_me_viet_nam_anh_hung"
    nha_giao_nhan_dan = "nha_giao_nhan_dan"
    nha_giao_uu_tu = "nha_giao_uu_tu"
    thay_thuoc_nhan_dan = "thay_thuoc_nhan_dan"
    thay_thuoc_uu_tu = "thay_thuoc_uu_tu"
    nghe_si_nhan_dan = "nghe_si_nhan_dan"
    nghe_si_uu_tu = "nghe_si_uu_tu"
    nghe_nhan_nhan_dan = "nghe_nhan_nhan_dan"
    nghe_nhan_uu_tu = "nghe_nhan_uu_tu"
    giai_thuong_ho_chi_minh = "giai_thuong_ho_chi_minh"
    giai_thuong_nha_nuoc = "giai_thuong_nha_nuoc"
    ky_niem_chuong = "ky_niem_chuong"
    # Certificates of merit
    bang_khen_thu_tuong = "bang_khen_thu_tuong"
    bang_khen_cap_bo = "bang_khen_cap_bo"
    bang_khen_cap_tinh = "bang_khen_cap_tinh"
    giay_khen = "giay_khen"
    other = "other"


class IssuerLevel(StrEnum):
    """Administrative level of the issuing body."""

    trung_uong = "trung_uong"
    bo = "bo"
    tinh = "tinh"
    huyen = "huyen"
    xa = "xa"
    co_so = "co_so"


class RecipientKind(StrEnum):
    individual = "individual"
    collective = "collective"


class DocumentType(StrEnum):
    decision = "decision"
    certificate = "certificate"
    award_list = "award_list"
    other = "other"


class CommendationMethod(StrEnum):
    """How a commendation came about, as the yearly statistics forms of Thông tư
    02/2023/TT-BNV count it (rows "Chia theo phương thức khen thưởng")."""

    thuong_xuyen = "thuong_xuyen"  # yearly results: a school year, a year's tasks
    chuyen_de = "chuyen_de"  # a named campaign, movement, contest or its review
    dot_xuat = "dot_xuat"  # an unexpected feat ("thành tích xuất sắc đột xuất")
    doi_ngoai = "doi_ngoai"  # foreigners, friendship and cooperation abroad
    cong_hien = "cong_hien"  # a career's contribution ("quá trình cống hiến")
    nien_han = "nien_han"  # years of service
    khang_chien = "khang_chien"  # the wars of resistance


class RecipientRank(StrEnum):
    """Where a recipient sits in the forms' rows "Chia theo đối tượng khen thưởng":
    an individual's rank as the position says it, or what kind of collective it is."""

    lanh_dao_cap_bo_tinh = "lanh_dao_cap_bo_tinh"  # minister, province chair and above
    lanh_dao_cap_vu_so = "lanh_dao_cap_vu_so"  # department, Sở and their equals
    doanh_nhan = "doanh_nhan"  # heads of businesses
    lanh_dao_khac = "lanh_dao_khac"  # other leaders from deputy head of office up
    truc_tiep = "truc_tiep"  # people who work, teach, study or fight directly
    doanh_nghiep = "doanh_nghiep"  # a collective that is a business
    ho_gia_dinh = "ho_gia_dinh"  # a household


class ChangeAction(StrEnum):
    """What a decision does to an earlier one it cites."""

    corrects = "corrects"  # đính chính
    amends = "amends"  # sửa đổi, bổ sung
    annuls = "annuls"  # hủy bỏ, thu hồi

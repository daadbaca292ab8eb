"""How each award code is named for people (facets, spreadsheets, the web page)."""

from __future__ import annotations

from schemas import AwardCode

A = AwardCode

LABELS: dict[AwardCode, str] = {
    A.chien_si_thi_dua_toan_quoc: "Chiến sĩ thi đua toàn quốc",
    A.chien_si_thi_dua_cap_bo: "Chiến sĩ thi đua cấp bộ, ngành",
    A.chien_si_thi_dua_cap_tinh: "Chiến sĩ thi đua cấp tỉnh",
    A.chien_si_thi_dua_co_so: "Chiến sĩ thi đua cơ sở",
    A.lao_dong_tien_tien: "Lao động tiên tiến",
    A.chien_si_tien_tien: "Chiến sĩ tiên tiến",
    A.co_thi_dua_chinh_phu: "Cờ thi đua của Chính phủ",
    A.co_thi_dua_cap_bo: "Cờ thi đua cấp bộ, ngành",
    A.co_thi_dua_cap_tinh: "Cờ thi đua cấp tỉnh",
    A.tap_the_lao_dong_xuat_sac: "Tập thể lao động xuất sắc",
    A.don_vi_quyet_thang: "Đơn vị quyết thắng",
    A.tap_the_lao_dong_tien_tien: "Tập thể lao động tiên tiến",
    A.don_vi_tien_tien: "Đơn vị tiên tiến",
    A.xa_phuong_tieu_bieu: "Xã, phường, thị trấn tiêu biểu",
    A.thon_to_dan_pho_van_hoa: "Thôn, tổ dân phố văn hóa",
    A.gia_dinh_van_hoa: "Gia đình văn hóa",
    A.huan_chuong_sao_vang: "Huân chương Sao vàng",
    A.huan_chuong_ho_chi_minh: "Huân chương Hồ Chí Minh",
    A.huan_chuong_doc_lap: "Huân chương Độc lập",
    A.huan_chuong_quan_cong: "Huân chương Quân công",
    A.huan_chuong_lao_dong: "Huân chương Lao động",
    A.huan_chuong_chien_cong: "Huân chương Chiến công",
    A.huan_chuong_bao_ve_to_quoc: "Huân chương Bảo vệ Tổ quốc",
    A.huan_chuong_dung_cam: "Huân chương Dũng cảm",
    A.huan_chuong_dai_doan_ket_dan_toc: "Huân chương Đại đoàn kết dân tộc",
    A.huan_chuong_huu_nghi: "Huân chương Hữu nghị",
    A.huy_chuong: "Huy chương",
    A.anh_hung_lao_dong: "Anh hùng Lao động",
    A.anh_hung_luc_luong_vu_trang: "Anh hùng Lực lượng vũ trang nhân dân",
    A.ba_me_viet_nam_anh_hung: "Bà mẹ Việt Nam anh hùng",
    A.nha_giao_nhan_dan: "Nhà giáo Nhân dân",
    A.nha_giao_uu_tu: "Nhà giáo Ưu tú",
    A.thay_thuoc_nhan_dan: "Thầy thuốc Nhân dân",
    A.thay_thuoc_uu_tu: "Thầy thuốc Ưu tú",
    A.nghe_si_nhan_dan: "Nghệ sĩ Nhân dân",
    A.nghe_si_uu_tu: "Nghệ sĩ Ưu tú",
    A.nghe_nhan_nhan_dan: "Nghệ nhân Nhân dân",
    A.nghe_nhan_uu_tu: "Nghệ nhân Ưu tú",
    A.giai_thuong_ho_chi_minh: "Giải thưởng Hồ Chí Minh",
    A.giai_thuong_nha_nuoc: "Giải thưởng Nhà nước",
    A.ky_niem_chuong: "Kỷ niệm chương",
    A.bang_khen_thu_tuong: "Bằng khen của Thủ tướng Chính phủ",
    A.bang_khen_cap_bo: "Bằng khen cấp bộ, ngành",
    A.bang_khen_cap_tinh: "Bằng khen cấp tỉnh",
    A.giay_khen: "Giấy khen",
    A.other: "Khác",
}


def label(code: str) -> str:
    try:
        return LABELS[AwardCode(code)]
    except ValueError:
        return code

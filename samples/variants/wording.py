"""Wording taken from the real texts of the field (`domain/real-texts/`): places, schools,
people, positions, award phrasings and reasons as real decisions print them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class District:
    kind: str  # "huyện" | "thị xã" | "thành phố"
    name: str
    communes: tuple[str, ...]


@dataclass(frozen=True)
class Province:
    kind: str  # "tỉnh" | "thành phố"
    name: str
    districts: tuple[District, ...]


PROVINCES: tuple[Province, ...] = (
    Province(
        "tỉnh",
        "Bắc Kạn",
        (
            District("huyện", "Pác Nặm", ("Bộc Bố", "Cao Tân", "Nghiên Loan")),
            District("huyện", "Ba Bể", ("Khang Ninh", "Bành Trạch")),
            District("huyện", "Na Rì", ("Lương Thượng", "Quang Phong")),
            District("thành phố", "Bắc Kạn", ("Đức Xuân", "Sông Cầu")),
            District("huyện", "Chợ Mới", ("Yên Cư", "Thanh Mai")),
        ),
    ),
    Province(
        "tỉnh",
        "Bắc Giang",
        (
            District("huyện", "Việt Yên", ("Quang Châu", "Vân Trung")),
            District("huyện", "Hiệp Hòa", ("Hoàng Lương", "Thắng")),
            District("huyện", "Lạng Giang", ("Vôi", "Mỹ Thái")),
            District("huyện", "Lục Ngạn", ("Phượng Sơn", "Nghĩa Hồ")),
            District("huyện", "Yên Thế", ("Bố Hạ", "Cầu Gồ")),
        ),
    ),
    Province(
        "tỉnh",
        "Thanh Hóa",
        (
            District("thành phố", "Thanh Hóa", ("Đông Sơn", "Lam Sơn")),
            District("huyện", "Thọ Xuân", ("Xuân Lập", "Xuân Hòa")),
            District("thị xã", "Bỉm Sơn", ("Ba Đình", "Lam Sơn")),
        ),
    ),
    Province(
        "tỉnh",
        "Quảng Ninh",
        (
            District("thị xã", "Quảng Yên", ("Yên Giang", "Đông Mai")),
            District("thành phố", "Uông Bí", ("Quang Trung", "Thanh Sơn")),
            District("huyện", "Tiên Yên", ("Đông Ngũ", "Hải Lạng")),
        ),
    ),
    Province(
        "tỉnh",
        "Lạng Sơn",
        (
            District("huyện", "Cao Lộc", ("Đồng Đăng", "Hợp Thành")),
            District("huyện", "Hữu Lũng", ("Minh Sơn", "Đồng Tân")),
        ),
    ),
    Province(
        "tỉnh",
        "Sơn La",
        (
            District("huyện", "Mộc Châu", ("Đông Sang", "Chiềng Sơn")),
            District("thành phố", "Sơn La", ("Chiềng Lề", "Quyết Thắng")),
        ),
    ),
    Province(
        "tỉnh",
        "Thái Nguyên",
        (
            District("huyện", "Đại Từ", ("Hùng Sơn", "Tân Thái")),
            District("thị xã", "Phổ Yên", ("Ba Hàng", "Đồng Tiến")),
        ),
    ),
    Province(
        "tỉnh",
        "Hà Tĩnh",
        (
            District("huyện", "Can Lộc", ("Nghèn", "Thiên Lộc")),
            District("thị xã", "Hồng Lĩnh", ("Bắc Hồng", "Nam Hồng")),
        ),
    ),
    Province("tỉnh", "Bến Tre", (District("huyện", "Chợ Lách", ("Vĩnh Hòa", "Hòa Nghĩa")),)),
    Province(
        "tỉnh",
        "Đồng Tháp",
        (
            District("huyện", "Tháp Mười", ("Mỹ An", "Trường Xuân")),
            District("huyện", "Tam Nông", ("Tràm Chim", "Phú Đức")),
            District("huyện", "Tân Hồng", ("Sa Rài", "Tân Thành")),
        ),
    ),
    Province("thành phố", "Cần Thơ", (District("huyện", "Phong Điền", ("Nhơn Ái", "Giai Xuân")),)),
)

# Schools as the Bắc Kạn, Huế and Bắc Giang texts print them: (level words, name).
SCHOOL_LEVELS: tuple[tuple[str, str], ...] = (
    ("Trường Mầm non", "Trường MN"),
    ("Trường Tiểu học", "Trường TH"),
    ("Trường Trung học cơ sở", "Trường THCS"),
    ("Trường Trung học phổ thông", "Trường THPT"),
    ("Trường Tiểu học và Trung học cơ sở", "Trường TH&THCS"),
    ("Trường Phổ thông dân tộc bán trú Trung học cơ sở", "Trường PTDTBT THCS"),
)
SCHOOL_NAMES: tuple[str, ...] = (
    "Lý Thường Kiệt",
    "Đặng Dung",
    "Hồng Bắc",
    "Bắc Sơn",
    "Quang Trung",
    "Xuân Lộc",
    "Hồng Quảng",
    "Thủy Vân",
    "Ngô Sỹ Liên",
    "Thân Nhân Trung",
    "Trần Hưng Đạo",
    "Phùng Chí Kiên",
    "Hoa Hồng",
    "Yên Lư",
    "Nghiên Loan I",
    "Nghiên Loan II",
    "Lê Quý Đôn",
    "Nguyễn Khuyến",
    "Chu Văn An",
    "Võ Thị Sáu",
    "Kim Đồng",
)
# Collectives that are not schools, as Điều 1 and the lists print them.
OTHER_COLLECTIVES: tuple[str, ...] = (
    "Công an huyện {district}",
    "Sở Nội vụ",
    "Sở Lao động - Thương binh và Xã hội",
    "Hội Cựu chiến binh xã {commune}",
    "Hội Liên hiệp Phụ nữ xã {commune}",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã {commune}",
    "Ban Chỉ huy Quân sự huyện {district}",
    "Trung tâm Y tế huyện {district}",
    "Ủy ban nhân dân xã {commune}",
    "Nhân dân và cán bộ xã {commune}",
    "Công đoàn Trường THCS {school}",
    "Tổ Khoa học tự nhiên",
    "Tổ Khoa học xã hội",
    "Tổ Toán - Tin",
    "Văn phòng Sở Giáo dục và Đào tạo",
)
TEAMS: tuple[str, ...] = (
    "Tổ Khoa học tự nhiên",
    "Tổ Khoa học xã hội",
    "Tổ Toán - Tin",
    "Tổ Ngữ văn",
)

# People named in the real texts, split into family, middle and given parts.
REAL_NAMES: tuple[str, ...] = (
    "Lê Thị Thu Hà",
    "Bùi Phước Dương",
    "Nguyễn Thị Thu Hà",
    "Trần Thị Khuyên",
    "Trương Thị Cúc",
    "Võ Phương Quỳnh Ngân",
    "Nguyễn Đức Hải",
    "Nguyễn Văn Đóa",
    "Lê Thị Thúy Hồng",
    "Phạm Thị Thủy",
    "Chu Thị Mai",
    "Hoàng Thị Hạnh",
    "Nguyễn Văn Vỹ",
    "Vũ Thị Xuân",
    "Nguyễn Thị Thu Hương",
    "Nguyễn Thị Hưng",
    "Nguyễn Văn San",
    "Nguyễn Đăng Bình",
    "Nguyễn Hoài Anh",
    "Hoàng Công Bộ",
    "Nguyễn Thị Quỳnh Hương",
    "Nguyễn Sinh Hùng",
    "Dương Văn Thái",
    "Nguyễn Thị Thanh Xuân",
    "Trần Thị Lan Dung",
)
FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Võ",
    "Bùi",
    "Đặng",
    "Ngô",
    "Dương",
    "Trương",
    "Chu",
    "Đỗ",
    "Hà",
    "Lý",
    "Đinh",
    "Mai",
    "Tạ",
    "Lường",
)
MIDDLE_F = ("Thị", "Thị Thu", "Thị Thanh", "Thị Lan", "Phương", "Thị Quỳnh", "Thị Thúy", "Ngọc")
MIDDLE_M = ("Văn", "Đức", "Công", "Đăng", "Hoài", "Sinh", "Phước", "Quang", "Mạnh", "Tiến")
GIVEN_F = (
    "Hà",
    "Khuyên",
    "Cúc",
    "Ngân",
    "Hồng",
    "Thủy",
    "Mai",
    "Hạnh",
    "Xuân",
    "Hương",
    "Hưng",
    "Dung",
    "Quỳnh",
    "Nhàn",
    "Tâm",
    "Gấm",
    "Liễu",
    "Trinh",
    "Yến",
    "Huyền",
)
GIVEN_M = (
    "Dương",
    "Hải",
    "Đóa",
    "Vỹ",
    "San",
    "Bình",
    "Anh",
    "Bộ",
    "Hùng",
    "Thái",
    "Dũng",
    "Thắng",
    "Toản",
    "Lâm",
    "Cường",
    "Nghĩa",
    "Vinh",
    "Khoa",
    "Đạt",
    "Thịnh",
)

POSITIONS: tuple[str, ...] = (
    "Hiệu trưởng",
    "Phó Hiệu trưởng",
    "Giáo viên",
    "Tổ trưởng chuyên môn",
    "Nhân viên",
    "Chuyên viên",
    "Kế toán",
    "Tổng phụ trách Đội",
)
PERSON_HONORIFICS_F = ("Bà", "Cô", "Bà")
PERSON_HONORIFICS_M = ("Ông", "Thầy", "Ông")
RANKS = ("Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy")

REASONS: tuple[str, ...] = (
    "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học {period}",
    "Đã hoàn thành xuất sắc nhiệm vụ năm học {period}",
    "Đã có thành tích xuất sắc trong phong trào thi đua thực hiện năm học {period}",
    "Đã có thành tích xuất sắc trong công tác giáo dục và đào tạo năm học {period}",
    "Đã có thành tích thi đua hoàn thành xuất sắc nhiệm vụ năm học {period}",
)
STUDENT_REASONS: tuple[str, ...] = (
    "Đã có thành tích trong học tập năm học {period}",
    "Đạt giải trong Kỳ thi chọn học sinh giỏi cấp tỉnh năm học {period}",
)
SUBJECTS: tuple[str, ...] = (
    "Toán",
    "Ngữ văn",
    "Tiếng Anh",
    "Vật lí",
    "Hóa học",
    "Lịch sử",
    "Địa lí",
)
PRIZES: tuple[str, ...] = ("giải Nhất", "giải Nhì", "giải Ba", "giải Khuyến khích")
CLASSES: tuple[str, ...] = ("9A1", "8A2", "7A1", "6A3", "12A1", "11A2", "5A", "4B")

SIGNER_BASES: tuple[str, ...] = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số "
    "điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005 và Luật sửa đổi, bổ sung một "
    "số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
    "tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
    "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi "
    "tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
)

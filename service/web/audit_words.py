"""The audit log's actions in Vietnamese words, for the admin's page (the code stays beside)."""

from __future__ import annotations

ACTION_WORDS = {
    "document.upload": "Tải lên tài liệu",
    "document.import": "Nhập tài liệu từ gói BagIt",
    "document.correct": "Sửa thông tin quyết định",
    "document.approve": "Duyệt tài liệu",
    "document.reprocess": "Đọc lại tài liệu",
    "document.delete": "Xóa tài liệu",
    "document.restore": "Khôi phục tài liệu đã xóa",
    "document.purge": "Hủy hẳn tài liệu",
    "award.correct": "Sửa dòng khen thưởng",
    "person.join": "Gộp hai người trùng tên",
    "person.unjoin": "Tách người đã gộp",
    "batch.create": "Tạo lô tải lên",
    "bag.import": "Nhập gói BagIt",
    "user.add": "Thêm tài khoản",
    "user.change": "Đổi tài khoản",
    "token.add": "Tạo mã API",
    "token.revoke": "Thu hồi mã API",
    "session.sign_in": "Đăng nhập",
    "session.sign_in_failed": "Đăng nhập sai",
    "session.sign_out": "Đăng xuất",
    "fixity.check": "Kiểm tra toàn vẹn bản gốc",
    "fixity.repair": "Sửa bản gốc hỏng từ bản sao",
    "backup.create": "Sao lưu kho",
    "backup.restore": "Khôi phục kho từ bản sao lưu",
    "audit.export": "Xuất nhật ký",
}

TRIGGER_WORDS = {"cli": "dòng lệnh", "schedule": "theo lịch"}


def action_words(action: str) -> str:
    """An action the table does not know yet still shows, by its code."""
    return ACTION_WORDS.get(action, action)

"""Django's password validators, saying in Vietnamese what to fix. Django's own
Vietnamese catalogue covers them, but its sentences read as translations ("Nó phải
chứa …") and the similarity message names the field in capitals mid-sentence; these
subclasses keep Django's checks and give the project's wording, translated to English
in our catalogue. The similarity check also compares with the linked person's name
(without diacritics), which is where our accounts keep a name."""

from difflib import SequenceMatcher

from django.contrib.auth import password_validation as django_validators
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext as _

from thidua.core.text import fold


class MinimumLengthValidator(django_validators.MinimumLengthValidator):
    def get_error_message(self):
        return _("Mật khẩu quá ngắn: cần ít nhất %(min_length)d ký tự.")

    def get_help_text(self):
        return _("Mật khẩu có ít nhất %(min_length)d ký tự.") % {"min_length": self.min_length}


class UserAttributeSimilarityValidator(django_validators.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(
                _("Mật khẩu quá giống %(verbose_name)s của tài khoản. Hãy chọn mật khẩu khác."),
                code=error.code,
                params={"verbose_name": str(error.params["verbose_name"]).lower()},
            ) from None
        self._compare_with_person(password, user)

    def _compare_with_person(self, password, user) -> None:
        try:
            name = user.person.full_name if user is not None and user.pk else ""
        except ObjectDoesNotExist:
            return
        folded = fold(name)
        candidates = [folded, folded.replace(" ", "")] if folded else []
        typed = fold(password)
        for candidate in candidates:
            if SequenceMatcher(a=typed, b=candidate).quick_ratio() >= self.max_similarity:
                raise ValidationError(
                    _("Mật khẩu quá giống họ tên của anh/chị. Hãy chọn mật khẩu khác."), code="password_too_similar"
                )

    def get_help_text(self):
        return _("Mật khẩu không được quá giống tên đăng nhập, họ tên hay thư điện tử.")


class CommonPasswordValidator(django_validators.CommonPasswordValidator):
    def get_error_message(self):
        return _("Mật khẩu này quá phổ biến, dễ bị đoán ra. Hãy chọn mật khẩu khác.")

    def get_help_text(self):
        return _("Mật khẩu không phải là một mật khẩu phổ biến.")


class NumericPasswordValidator(django_validators.NumericPasswordValidator):
    def get_error_message(self):
        return _("Mật khẩu không được chỉ gồm chữ số. Hãy thêm chữ cái.")

    def get_help_text(self):
        return _("Mật khẩu không chỉ gồm chữ số.")

"""The user model: e-mail is the login, national role says what a person may do nationally."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, national_role=User.NationalRole.MINISTRY_ADMIN)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with one login for the national layer and every workspace."""

    class NationalRole(models.TextChoices):
        NONE = "", _("Tidak ada")
        MINISTRY_ADMIN = "ministry_admin", _("Admin kementerian")
        MINISTRY_ANALYST = "ministry_analyst", _("Analis kementerian")

    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("nama lengkap"), max_length=150, blank=True)
    national_role = models.CharField(
        _("peran nasional"), max_length=32, choices=NationalRole.choices, blank=True, default=""
    )
    is_staff = models.BooleanField(_("akses admin Django"), default=False)
    is_active = models.BooleanField(_("aktif"), default=True)
    date_joined = models.DateTimeField(_("bergabung"), default=timezone.now)
    # The language the person last chose with the language switch: their e-mails are written
    # in it (blank: the platform's, Indonesian).
    language = models.CharField(_("bahasa"), max_length=8, blank=True, default="", choices=settings.LANGUAGES)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        ordering = ["email"]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    @property
    def is_ministry_admin(self) -> bool:
        return self.is_active and (self.national_role == self.NationalRole.MINISTRY_ADMIN or self.is_superuser)

    @property
    def is_ministry_staff(self) -> bool:
        return self.is_ministry_admin or (self.is_active and self.national_role == self.NationalRole.MINISTRY_ANALYST)

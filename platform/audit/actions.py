"""The one table of audited actions: a code stored in each row, and its Indonesian label."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    SIGNIN = "signin", _("Masuk")
    SIGNIN_FAILED = "signin_failed", _("Gagal masuk")
    LOCKED_OUT = "locked_out", _("Terkunci karena terlalu banyak percobaan masuk")
    ROLE_GRANTED = "role_granted", _("Peran diberikan")
    ROLE_REMOVED = "role_removed", _("Peran dicabut")
    ACCESS_WINDOW_OPENED = "access_window_opened", _("Akses fasilitator dibuka")
    ACCESS_WINDOW_CHANGED = "access_window_changed", _("Akses fasilitator diubah")
    ACCESS_WINDOW_CLOSED = "access_window_closed", _("Akses fasilitator ditutup")
    PUBLISHED = "published", _("Diterbitkan")
    WITHDRAWN = "withdrawn", _("Penerbitan ditarik")
    RESULTS_IMPORTED = "results_imported", _("Hasil resmi diimpor")
    CYCLE_REOPENED = "cycle_reopened", _("Siklus penilaian dibuka kembali")
    FRAMEWORK_CREATED = "framework_created", _("Versi kerangka dibuat")
    FRAMEWORK_COPIED = "framework_copied", _("Versi kerangka disalin")
    FRAMEWORK_IMPORTED = "framework_imported", _("Versi kerangka diimpor")
    FRAMEWORK_EDITED = "framework_edited", _("Versi kerangka diubah")
    WORKSPACE_RESTORED = "workspace_restored", _("Ruang kerja dipulihkan")
    SHOWCASE_REMINDER_SENT = "showcase_reminder_sent", _("Pengingat kiriman showcase dikirim")

"""Comments on sections and programs, and the in-app notifications of mentions."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from platform.urls_safety import local_path
from programs.models.fields import user_reference
from programs.models.program import Program


class Comment(models.Model):
    """A remark by a facilitator or a member on a section of the masterplan or a program.

    Resolved comments stay (with who resolved them and when) so the history shows them.
    """

    class Section(models.TextChoices):
        PROFILE = "profile", _("Profil daerah")
        READINESS = "readiness", _("Kesiapan")
        SWOT = "swot", _("SWOT")
        VISION = "vision", _("Visi, misi dan tujuan")
        STRATEGY = "strategy", _("Strategi dan rencana aksi")
        ROADMAP = "roadmap", _("Roadmap")
        QUICK_WINS = "quick_wins", _("Quick win dan risiko")
        PROGRAM = "program", _("Program")

    section = models.CharField(_("bagian"), max_length=12, choices=Section.choices)
    program = models.ForeignKey(Program, on_delete=models.CASCADE, null=True, blank=True, related_name="comments")
    author = user_reference(_("penulis"))
    body = models.TextField(_("komentar"))
    created_at = models.DateTimeField(default=timezone.now)
    resolved_by = user_reference(_("diselesaikan oleh"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("komentar")
        verbose_name_plural = _("komentar")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(section="program", program__isnull=False)
                | (~models.Q(section="program") & models.Q(program__isnull=True)),
                name="comment_program_iff_program_section",
            )
        ]

    def __str__(self):
        return f"{self.get_section_display()}: {self.body[:60]}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None


class Notification(models.Model):
    """A message for one user inside this workspace (e.g. mentioned in a comment).

    Stored as a message key with its parameters (``programs.notifications``) and rendered in
    the reader's language when shown; ``message`` keeps the Indonesian text as written, the
    text of rows stored before keys (and of a key no longer known)."""

    user = user_reference(_("penerima"))
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    key = models.CharField(_("jenis pesan"), max_length=60, blank=True)
    params = models.JSONField(_("parameter pesan"), default=dict, blank=True)
    message = models.CharField(_("pesan"), max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.text

    @property
    def text(self) -> str:
        """The message in the active language."""
        from programs.notifications import render

        return render(self.key, self.params, fallback=self.message)

    @property
    def link(self) -> str:
        """The stored path checked again as it is shown (rows stored before the check)."""
        return local_path(self.url, fallback="/")

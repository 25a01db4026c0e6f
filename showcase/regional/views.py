"""Pages of the region's showcase preparation, on the workspace host.

Every reader of the workspace sees the showcases the region presents at, the entry and its
live preview; region admins and ministry admins (``can_prepare_showcase``) edit and submit.
The preview is drawn from ``profile_data``, the function the public row is built from; on
the page htmx posts the form as it changes and swaps the preview in (nothing is saved).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from platform.forms import add_service_errors
from showcase.profiles import figures
from showcase.profiles.models import MISSING_LABELS
from showcase.regional import access, entry_rules, rules, selectors, services
from showcase.regional.forms import EntryForm
from showcase.regional.profile_data import Choices, profile_data
from tenants.access import Actor
from tenants.views_workspace import WorkspaceView


def actor_of(request) -> Actor:
    return Actor(user=request.user, access=request.access)


class EntryListView(WorkspaceView):
    def get(self, request):
        showcases = list(selectors.showcases_of_region())
        entries = selectors.entries_by_showcase(showcases)
        rows = [(s, entries.get(s.pk)) for s in showcases]
        return render(request, "showcase_regional/entry_list.html", {"rows": rows})


def preview_context(showcase, entry, choices: Choices) -> dict:
    data, missing = profile_data(showcase=showcase, choices=choices)
    logo_url = reverse("showcase-entry-logo", kwargs={"showcase_slug": showcase.slug}) if choices.has_logo else ""
    photos = [
        {
            "url": reverse("showcase-entry-photo", kwargs={"showcase_slug": showcase.slug, "photo_pk": p.pk}),
            "caption": p.caption,
        }
        for p in (entry.photos.all() if entry else [])
    ]
    return {
        "profile": data,
        "missing": [str(MISSING_LABELS[code]) for code in missing],
        "logo_url": logo_url,
        "photos": photos,
        **figures.figures(data),
    }


class EntryView(WorkspaceView):
    write_capability = "can_prepare_showcase"

    def _form(self, request, showcase, entry, data=None, files=None):
        choices = selectors.choices_of(entry)
        initial = {
            "featured": list(choices.featured_ids),
            "show_vision": choices.show_vision,
            "presenter_name": choices.presenter_name,
            "presenter_title": choices.presenter_title,
            "pitch": choices.pitch,
        }
        return EntryForm(
            data,
            files,
            initial=initial,
            showcase=showcase,
            quick_wins=selectors.quick_wins(),
            photos=entry.photos.all() if entry else [],
        )

    def _render(self, request, showcase, entry, form, status=200):
        actor = actor_of(request)
        context = {
            "showcase": showcase,
            "entry": entry,
            "form": form,
            "can_prepare": rules.can_prepare_showcase(actor),
            "can_change": rules.can_change_entry(actor, showcase),
            "past_deadline": rules.is_past_deadline(showcase),
            "max_mb": entry_rules.max_image_mb(),
            **preview_context(showcase, entry, selectors.choices_of(entry)),
        }
        return render(request, "showcase_regional/entry.html", context, status=status)

    def get(self, request, showcase_slug):
        showcase = access.access_showcase(showcase_slug)
        entry = selectors.entry_of(showcase)
        return self._render(request, showcase, entry, self._form(request, showcase, entry))

    def post(self, request, showcase_slug):
        showcase = access.access_showcase(showcase_slug)
        entry = selectors.entry_of(showcase)
        form = self._form(request, showcase, entry, request.POST, request.FILES)
        if not form.is_valid():
            return self._render(request, showcase, entry, form, status=400)
        data = form.cleaned_data
        try:
            services.save_entry(
                actor=actor_of(request),
                showcase=showcase,
                featured=data["featured"],
                show_vision=data["show_vision"],
                presenter_name=data["presenter_name"],
                presenter_title=data["presenter_title"],
                pitch=data["pitch"],
                logo=data.get("logo") or None,
                remove_logo=data["remove_logo"],
                photo=data.get("photo") or None,
                photo_caption=data["photo_caption"],
                remove_photo_ids={int(pk) for pk in data["remove_photos"]},
            )
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return self._render(request, showcase, entry, form, status=403)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self._render(request, showcase, entry, form, status=400)
        entry = selectors.entry_of(showcase)
        if entry.is_submitted:
            messages.success(request, _("Perubahan disimpan dan dikirim ulang ke kementerian."))
        else:
            messages.success(request, _("Persiapan showcase disimpan. Kirim bila sudah siap."))
        return redirect("showcase-entry", showcase_slug=showcase.slug)


class EntryPreviewView(WorkspaceView):
    """The preview of the form as it is being edited (htmx); saves nothing."""

    capability = "can_prepare_showcase"
    write_capability = "can_prepare_showcase"

    def get(self, request, showcase_slug):
        return redirect("showcase-entry", showcase_slug=showcase_slug)

    def post(self, request, showcase_slug):
        showcase = access.access_showcase(showcase_slug)
        entry = selectors.entry_of(showcase)
        saved = selectors.choices_of(entry)
        form = EntryForm(request.POST, showcase=showcase, quick_wins=selectors.quick_wins())
        form.is_valid()
        data = form.cleaned_data
        choices = Choices(
            featured_ids=tuple(p.pk for p in data.get("featured", [])),
            show_vision=data.get("show_vision", saved.show_vision),
            presenter_name=data.get("presenter_name", saved.presenter_name).strip(),
            presenter_title=data.get("presenter_title", saved.presenter_title).strip(),
            pitch=data.get("pitch", entry_rules.normalised_pitch(request.POST.get("pitch", ""))),
            has_logo=saved.has_logo,
            photo_count=saved.photo_count,
        )
        context = {
            "errors": [message for errors in form.errors.values() for message in errors],
            **preview_context(showcase, entry, choices),
        }
        return render(request, "showcase_regional/_preview.html", context)


class EntrySubmitView(WorkspaceView):
    capability = "can_prepare_showcase"

    def post(self, request, showcase_slug):
        showcase = access.access_showcase(showcase_slug)
        try:
            services.submit_entry(actor=actor_of(request), showcase=showcase)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Terkirim. Profil daerah diperbarui untuk kementerian dalam beberapa saat."))
        return redirect("showcase-entry", showcase_slug=showcase.slug)


def _inline_image(handle, content_type: str) -> FileResponse:
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class EntryLogoView(WorkspaceView):
    def get(self, request, showcase_slug):
        showcase = access.access_showcase(showcase_slug)
        entry = selectors.entry_of(showcase)
        if entry is None or not entry.logo:
            messages.warning(request, _("Belum ada logo."))
            return redirect("showcase-entry", showcase_slug=showcase.slug)
        try:
            handle = entry.logo.open("rb")
        except FileNotFoundError:
            raise Http404() from None
        return _inline_image(handle, "image/png" if entry.logo.name.endswith(".png") else "image/jpeg")


class EntryPhotoView(WorkspaceView):
    def get(self, request, showcase_slug, photo_pk):
        photo = access.access_photo(access.access_showcase(showcase_slug), photo_pk)
        try:
            handle = photo.image.open("rb")
        except FileNotFoundError:
            raise Http404() from None
        return _inline_image(handle, photo.content_type)

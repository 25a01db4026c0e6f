"""Apex pages of the decks, under ``/showcase/kelola/<slug>/deck/``: the deck page (each
presenting region with its deck's state, data time and downloads; "bangun ulang" per region
and "semua deck"), a job's progress (polled with htmx while it runs), the downloads (served
here after the permission check, never as public media) and the template editor.

Ministry analysts read and download; ministry admins build and edit the template; anyone
else signed in gets 404, anonymous visitors are sent to sign in (``NationalView``).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from platform.forms import add_service_errors, flash_service_errors
from showcase.access import access_showcase
from showcase.decks import access, rules, selectors, services
from showcase.decks.forms import BuildForm, TemplateForm
from tenants.views_national import NationalView


class DeckView(NationalView):
    rule = staticmethod(rules.can_read_decks)


class DeckListView(DeckView):
    def get(self, request, slug):
        showcase = access_showcase(slug)
        template = services.current_template()
        all_latest, all_done = selectors.latest_all_builds(showcase)
        return render(
            request,
            "showcase_decks/decks.html",
            {
                "showcase": showcase,
                "template": template,
                "rows": selectors.deck_rows(showcase, template),
                "all_latest": all_latest,
                "all_done": all_done,
                "can_build": rules.can_build_decks(request.user),
                "can_edit_template": rules.can_edit_deck_template(request.user),
            },
        )


class DeckBuildRequestView(DeckView):
    rule = staticmethod(rules.can_build_decks)

    def post(self, request, slug):
        showcase = access_showcase(slug)
        form = BuildForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Kode daerah tidak dikenal."))
            return redirect("showcase-decks", slug=showcase.slug)
        try:
            build = services.request_deck(
                actor=request.user, showcase=showcase, region_code=form.cleaned_data["region"] or None
            )
        except ValidationError as exc:
            flash_service_errors(request, exc)
            return redirect("showcase-decks", slug=showcase.slug)
        return redirect("showcase-deck-build", slug=showcase.slug, deck_build=build.pk)


class DeckJobView(DeckView):
    """A job's progress; the fragment polls itself while the job is queued or running."""

    def get(self, request, slug, deck_build):
        showcase = access_showcase(slug)
        build = access.access_build(showcase, deck_build)
        context = {"showcase": showcase, "build": build}
        template = "showcase_decks/_job.html" if request.htmx else "showcase_decks/job.html"
        return render(request, template, context)


class DeckDownloadView(DeckView):
    def get(self, request, slug, deck_build, deck_file):
        showcase = access_showcase(slug)
        build, file = access.access_build_file(showcase, deck_build, deck_file)
        response = FileResponse(
            file.open("rb"),
            as_attachment=True,
            filename=access.download_name(build, deck_file),
            content_type=access.CONTENT_TYPES[deck_file],
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class TemplateEditView(DeckView):
    rule = staticmethod(rules.can_edit_deck_template)

    def get(self, request, slug):
        showcase = access_showcase(slug)
        template = services.current_template()
        return render(
            request, "showcase_decks/template.html", {"showcase": showcase, "form": TemplateForm(instance=template)}
        )

    def post(self, request, slug):
        showcase = access_showcase(slug)
        template = services.current_template()
        form = TemplateForm(request.POST, request.FILES, instance=template)
        if form.is_valid():
            try:
                services.update_template(
                    actor=request.user,
                    changes=form.changes(),
                    logo=form.cleaned_data.get("logo_file"),
                    remove_logo=form.cleaned_data.get("remove_logo", False),
                )
            except ValidationError as exc:
                add_service_errors(form, _logo_errors(exc))
            else:
                messages.success(request, _("Templat deck disimpan. Deck yang sudah ada perlu dibangun ulang."))
                return redirect("showcase-decks", slug=showcase.slug)
        return render(request, "showcase_decks/template.html", {"showcase": showcase, "form": form}, status=400)


def _logo_errors(exc: ValidationError) -> ValidationError:
    """The service names the logo ``logo``; the form's field is ``logo_file``."""
    if hasattr(exc, "error_dict") and "logo" in exc.error_dict:
        errors = dict(exc.error_dict)
        errors["logo_file"] = errors.pop("logo")
        return ValidationError(errors)
    return exc

"""Pages of the masterplan book (PDF): ask for it, watch its progress, download it.

Behind the workspace membership gate like every page here: only members (and ministry
staff) of this workspace reach them, and the PDF is served from the workspace's storage by
the download view only, never by a public media URL. The book is built by the
tenant-aware task ``programs.tasks.build_masterplan_book`` (``programs.book``).
"""

from django.contrib import messages
from django.db import connection
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from programs import book as books
from programs.models import MasterplanBook
from programs.views.base import actor_of, private_download
from tenants.views_workspace import WorkspaceView


class BookView(WorkspaceView):
    write_capability = "can_request_book"

    def get(self, request):
        return render(request, "programs/book_list.html", {"books": books.recent_books()})

    def post(self, request):
        book = books.request_book(actor=actor_of(request))
        messages.success(request, _("Buku masterplan sedang dibuat; halaman ini menampilkan kemajuannya."))
        return redirect(f"{request.path}#buku-{book.pk}")


class BookProgressView(WorkspaceView):
    """The row of one job; while it runs, htmx polls this every two seconds."""

    def get(self, request, book_pk):
        book = get_object_or_404(MasterplanBook, pk=book_pk)
        return render(request, "programs/_book_row.html", {"book": book})


class BookDownloadView(WorkspaceView):
    def get(self, request, book_pk):
        book = get_object_or_404(MasterplanBook, pk=book_pk)
        if book.status != MasterplanBook.Status.DONE or not book.file:
            messages.warning(request, _("Buku ini belum selesai dibuat."))
            return redirect("masterplan-book")
        try:
            handle = book.file.open("rb")
        except FileNotFoundError:
            raise Http404() from None
        return private_download(handle, filename=download_name(book), content_type="application/pdf")


def download_name(book: MasterplanBook) -> str:
    """The book's file name for people: region, masterplan revision and the day it was made
    (``masterplan-kota-probolinggo-rev3-20260115.pdf``), built from the job, never from the
    stored name, which the storage gives a random suffix on a clash."""
    region = slugify(connection.tenant.region.name)
    revision = f"-rev{book.masterplan_revision}" if book.masterplan_revision is not None else ""
    return f"masterplan-{region}{revision}-{timezone.localdate(book.finished_at or book.requested_at):%Y%m%d}.pdf"

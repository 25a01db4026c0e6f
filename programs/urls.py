"""Workspace URLs of the masterplan app (included at the root of a workspace host)."""

from django.urls import path

from programs import views, views_book, views_excel, views_files

urlpatterns = [
    path("bimtek/<int:number>/", views.BimtekStageEditView.as_view(), name="bimtek-stage-edit"),
    path("masterplan/", views.MasterplanView.as_view(), name="masterplan"),
    path("masterplan/status/", views.MasterplanTransitionView.as_view(), name="masterplan-transition"),
    path("masterplan/checklist/", views.ChecklistView.as_view(), name="checklist"),
    path("masterplan/riwayat/", views.ChangesView.as_view(), name="changes"),
    path("masterplan/buku-1/", views.BukuOneView.as_view(), name="buku-one"),
    path("masterplan/buku-1/ubah/", views.MasterplanTextEditView.as_view(), name="buku-one-edit"),
    path("masterplan/buku-1/kesiapan/", views.ReadinessEditView.as_view(), name="readiness-edit"),
    path("masterplan/buku-1/swot/<slug:dimension_code>/", views.SwotEditView.as_view(), name="swot-edit"),
    path("masterplan/buku-2/", views.BukuTwoView.as_view(), name="buku-two"),
    path("masterplan/buku-pdf/", views_book.BookView.as_view(), name="masterplan-book"),
    path("masterplan/buku-pdf/<int:book_pk>/", views_book.BookProgressView.as_view(), name="masterplan-book-progress"),
    path(
        "masterplan/buku-pdf/<int:book_pk>/unduh/",
        views_book.BookDownloadView.as_view(),
        name="masterplan-book-download",
    ),
    path("masterplan/dimensi/<slug:dimension_code>/", views.DimensionView.as_view(), name="dimension"),
    path("masterplan/dimensi/<slug:dimension_code>/ubah/", views.DimensionEditView.as_view(), name="dimension-edit"),
    path("masterplan/quick-win/", views.QuickWinsView.as_view(), name="quick-wins"),
    path("masterplan/komitmen/", views_files.KomitmenListView.as_view(), name="komitmen-list"),
    path("masterplan/komitmen/baru/", views_files.KomitmenFormView.as_view(), name="komitmen-create"),
    path("masterplan/komitmen/<int:komitmen_pk>/", views_files.KomitmenFormView.as_view(), name="komitmen-edit"),
    path(
        "masterplan/komitmen/<int:komitmen_pk>/hapus/", views_files.KomitmenDeleteView.as_view(), name="komitmen-delete"
    ),
    path(
        "masterplan/komitmen/<int:komitmen_pk>/pindaian/", views_files.KomitmenScanView.as_view(), name="komitmen-scan"
    ),
    path("program/", views.ProgramListView.as_view(), name="program-list"),
    path("program/baru/", views.ProgramFormView.as_view(), name="program-create"),
    path("program/excel/", views_excel.ProgramImportView.as_view(), name="program-import"),
    path("program/excel/templat/", views_excel.ProgramTemplateView.as_view(), name="program-template"),
    path("program/excel/ekspor/", views_excel.ProgramExportView.as_view(), name="program-export"),
    path("program/excel/jobs/<int:job_pk>/", views_excel.ProgramImportJobView.as_view(), name="program-import-job"),
    path(
        "program/excel/impor/<str:upload_token>/",
        views_excel.ProgramImportPreviewView.as_view(),
        name="program-import-preview",
    ),
    path(
        "program/excel/impor/<str:upload_token>/buang/",
        views_excel.ProgramImportDiscardView.as_view(),
        name="program-import-discard",
    ),
    path("program/<int:program_pk>/", views.ProgramDetailView.as_view(), name="program-detail"),
    path("program/<int:program_pk>/ubah/", views.ProgramFormView.as_view(), name="program-edit"),
    path("program/<int:program_pk>/hapus/", views.ProgramDeleteView.as_view(), name="program-delete"),
    path("program/<int:program_pk>/riwayat/", views.ProgramHistoryView.as_view(), name="program-history"),
    path(
        "program/<int:program_pk>/riwayat/<int:revision_pk>/pulihkan/",
        views.ProgramRestoreView.as_view(),
        name="program-restore",
    ),
    path("program/<int:program_pk>/risiko/baru/", views.RiskFormView.as_view(), name="risk-create"),
    path("program/<int:program_pk>/risiko/<int:risk_pk>/", views.RiskFormView.as_view(), name="risk-edit"),
    path("program/<int:program_pk>/risiko/<int:risk_pk>/hapus/", views.RiskDeleteView.as_view(), name="risk-delete"),
    path("direktori/", views.DirectoryView.as_view(), name="directory"),
    path("direktori/opd/baru/", views.OpdFormView.as_view(), name="opd-create"),
    path("direktori/opd/<int:opd_pk>/", views.OpdFormView.as_view(), name="opd-edit"),
    path("direktori/opd/<int:opd_pk>/hapus/", views.OpdDeleteView.as_view(), name="opd-delete"),
    path("direktori/personel/baru/", views.PersonFormView.as_view(), name="person-create"),
    path("direktori/personel/<int:person_pk>/", views.PersonFormView.as_view(), name="person-edit"),
    path("direktori/personel/<int:person_pk>/hapus/", views.PersonDeleteView.as_view(), name="person-delete"),
    path("direktori/editor-opd/", views.OpdEditorAssignView.as_view(), name="opd-editor-assign"),
    path("komentar/", views.CommentCreateView.as_view(), name="comment-create"),
    path("komentar/<int:comment_pk>/selesai/", views.CommentResolveView.as_view(), name="comment-resolve"),
    path("notifikasi/", views.NotificationListView.as_view(), name="notifications"),
    path("notifikasi/jumlah/", views.NotificationCountView.as_view(), name="notification-count"),
]

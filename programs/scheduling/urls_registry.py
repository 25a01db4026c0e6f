"""Apex URLs of the facilitator registry, availability, the travel table and national holidays."""

from django.urls import path

from programs.scheduling.views import availability, reference, registry

urlpatterns = [
    path("fasilitator/", registry.FacilitatorListView.as_view(), name="schedule-facilitators"),
    path("fasilitator/baru/", registry.FacilitatorCreateView.as_view(), name="schedule-facilitator-create"),
    path("fasilitator/<int:pk>/ubah/", registry.FacilitatorEditView.as_view(), name="schedule-facilitator-edit"),
    path("fasilitator/<int:pk>/hapus/", registry.FacilitatorDeleteView.as_view(), name="schedule-facilitator-delete"),
    path("fasilitator/impor/", registry.RegistryImportView.as_view(), name="schedule-facilitator-import"),
    path("fasilitator/impor/templat/", registry.RegistryTemplateView.as_view(), name="schedule-facilitator-template"),
    path(
        "fasilitator/impor/<str:token>/",
        registry.RegistryImportPreviewView.as_view(),
        name="schedule-facilitator-import-preview",
    ),
    path(
        "fasilitator/impor/<str:token>/buang/",
        registry.RegistryImportDiscardView.as_view(),
        name="schedule-facilitator-import-discard",
    ),
    path(
        "fasilitator/<int:pk>/ketidaktersediaan/",
        availability.FacilitatorUnavailabilityView.as_view(),
        name="schedule-unavailability",
    ),
    path(
        "fasilitator/<int:pk>/ketidaktersediaan/<int:entry_pk>/hapus/",
        availability.FacilitatorUnavailabilityDeleteView.as_view(),
        name="schedule-unavailability-delete",
    ),
    path("saya/ketidaktersediaan/", availability.MyUnavailabilityView.as_view(), name="schedule-my-unavailability"),
    path(
        "saya/ketidaktersediaan/<int:entry_pk>/hapus/",
        availability.MyUnavailabilityDeleteView.as_view(),
        name="schedule-my-unavailability-delete",
    ),
    path("jadwal/perjalanan/", reference.TravelView.as_view(), name="schedule-travel"),
    path("jadwal/perjalanan/isi/", reference.TravelSeedView.as_view(), name="schedule-travel-seed"),
    path("jadwal/libur/", reference.HolidaysView.as_view(), name="schedule-holidays"),
    path("jadwal/libur/<int:pk>/hapus/", reference.HolidayDeleteView.as_view(), name="schedule-holiday-delete"),
]

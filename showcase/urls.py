"""Apex URLs of the showcase (included at the root of the apex host): the admin pages under
``/showcase/kelola/`` (an address no showcase may take) and the public pages of a published
agenda under ``/showcase/<slug>/``. ``/showcase/<slug>/<region code>/`` is the public profile
(``showcase-profile``, in ``showcase.profiles``)."""

from django.urls import path

from showcase.views import agenda, events, public

K = "showcase/kelola/<slug:slug>/"

urlpatterns = [
    path("showcase/kelola/", events.ShowcaseListView.as_view(), name="showcase-list"),
    path("showcase/kelola/baru/", events.ShowcaseCreateView.as_view(), name="showcase-create"),
    path(K, agenda.BuilderView.as_view(), name="showcase-builder"),
    path(K + "ubah/", events.ShowcaseEditView.as_view(), name="showcase-edit"),
    path(K + "panggung/", events.StageAddView.as_view(), name="showcase-stage-add"),
    path(K + "panggung/<int:stage_pk>/", events.StageView.as_view(), name="showcase-stage"),
    path(K + "daerah/", events.PresenterView.as_view(), name="showcase-presenters"),
    path(K + "susun/", agenda.RebuildView.as_view(), name="showcase-rebuild"),
    path(K + "slot/<int:slot_pk>/geser/", agenda.SlotMoveView.as_view(), name="showcase-slot-move"),
    path(K + "terbitkan/", agenda.PublishView.as_view(), name="showcase-publish"),
    path("showcase/<slug:slug>/", public.PublicAgendaView.as_view(), name="showcase-public"),
    path("showcase/<slug:slug>/agenda.ics", public.CalendarView.as_view(), name="showcase-ics"),
    path("showcase/<slug:slug>/widget/", public.WidgetView.as_view(), name="showcase-widget"),
]

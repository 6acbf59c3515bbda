"""URLs of steering, under a round (``/nl/a/<alliance>/rounds/<round>/...``) and one per alliance."""

from django.urls import path

from samenspel.web.steering import views

app_name = "steering"

urlpatterns = [
    path("a/<slug:slug>/steering.json", views.steering_json, name="export"),
    path("a/<slug:slug>/contributors/", views.contributor_set, name="contributor_set"),
    path("a/<slug:slug>/goals/", views.goals_page, name="goals"),
    path("a/<slug:slug>/goals/new/", views.goal_add, name="goal_add"),
    path("a/<slug:slug>/goals/values/", views.goal_values, name="goal_values"),
    path("a/<slug:slug>/rounds/<slug:code>/meeting/", views.meeting_page, name="meeting"),
    path("a/<slug:slug>/rounds/<slug:code>/actions/", views.actions_page, name="actions"),
    path("a/<slug:slug>/rounds/<slug:code>/actions/new/", views.action_add, name="action_add"),
    path("a/<slug:slug>/rounds/<slug:code>/actions/<int:pk>/status/", views.action_status, name="action_status"),
    path("a/<slug:slug>/rounds/<slug:code>/notes/", views.note_add, name="note_add"),
    path("a/<slug:slug>/rounds/<slug:code>/actions/remind/", views.remind, name="remind"),
    path("a/<slug:slug>/rounds/<slug:code>/actions/pulse/", views.pulse, name="pulse"),
    path("a/<slug:slug>/rounds/<slug:code>/actions/<int:pk>/link/", views.link_issue, name="link_issue"),
    path("a/<slug:slug>/rounds/<slug:code>/decisions.pdf", views.decisions_pdf, name="decisions_pdf"),
]

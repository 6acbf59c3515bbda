"""Admin for the administrator (superuser): alliances, memberships, tokens.

Respondents and answers are left out on purpose: nobody, not even the
administrator, browses individual answers through the web app.
"""

from django.contrib import admin

from samenspel.web.alliances.models import Alliance, ApiToken, MeasurementRound, Membership, Partner, SettingChange


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Alliance)
class AllianceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "min_group", "created_at"]
    inlines = [PartnerInline, MembershipInline]


@admin.register(MeasurementRound)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["name", "alliance", "code", "opens", "closes", "short", "status"]
    list_filter = ["status", "short"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "alliance", "role"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "created_at", "last_used"]
    readonly_fields = ["key_hash"]


@admin.register(SettingChange)
class SettingChangeAdmin(admin.ModelAdmin):
    """The trail of privacy settings: read only, so it stays a trail (it goes when its alliance is deleted)."""

    list_display = ["alliance", "setting", "old", "new", "by", "at", "after_answers"]
    list_filter = ["setting", "after_answers"]

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

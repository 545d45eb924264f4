from django.contrib import admin

from actors.models import Actor, Alias, Role


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ["name", "kind"]


class RoleInline(admin.TabularInline):
    model = Role
    extra = 1
    fields = ["title", "start", "end", "descriptors"]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "party", "gender", "updated_at"]
    list_filter = ["kind", "party", "gender"]
    search_fields = ["name", "slug", "aliases__name", "roles__title"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["party"]
    inlines = [AliasInline, RoleInline]


@admin.register(Alias)
class AliasAdmin(admin.ModelAdmin):
    list_display = ["name", "actor", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "actor__name"]
    autocomplete_fields = ["actor"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["title", "actor", "start", "end"]
    list_filter = ["end"]
    search_fields = ["title", "actor__name"]
    autocomplete_fields = ["actor"]
    date_hierarchy = "start"

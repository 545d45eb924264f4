"""Every model of Parley is in the admin, searchable, and its list page opens."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

PARLEY_MODELS = [model for model in apps.get_models() if model._meta.app_label in {"actors", "negotiations"}]


@pytest.mark.parametrize("model", PARLEY_MODELS, ids=lambda model: model.__name__)
def test_every_model_is_in_the_admin_with_search(model):
    model_admin = admin.site._registry.get(model)

    assert model_admin is not None, f"{model.__name__} is not registered in the admin"
    assert model_admin.search_fields


@pytest.mark.django_db
@pytest.mark.parametrize("model", PARLEY_MODELS, ids=lambda model: model.__name__)
def test_every_admin_list_opens_with_a_search(client, django_user_model, model):
    client.force_login(django_user_model.objects.create_superuser("root", password="unused-in-this-test"))
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    response = client.get(url, {"q": "Lavrov"})

    assert response.status_code == 200

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "secondchance.accounts"
    label = "accounts"

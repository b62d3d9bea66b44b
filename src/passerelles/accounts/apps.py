from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "passerelles.accounts"
    label = "accounts"

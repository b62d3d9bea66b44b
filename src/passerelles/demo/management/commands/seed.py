from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the demo ecosystem (placeholder until the generator lands)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options) -> None:
        return None

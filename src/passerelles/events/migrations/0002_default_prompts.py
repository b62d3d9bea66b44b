from django.db import migrations

from passerelles.events.prompts import DEFAULT_PROMPTS


def add_prompts(apps, schema_editor):
    PromptTemplate = apps.get_model("events", "PromptTemplate")
    for axis, texts in DEFAULT_PROMPTS.items():
        for position, text in enumerate(texts):
            PromptTemplate.objects.get_or_create(axis=axis, text=text, defaults={"position": position})


def remove_prompts(apps, schema_editor):
    PromptTemplate = apps.get_model("events", "PromptTemplate")
    for axis, texts in DEFAULT_PROMPTS.items():
        PromptTemplate.objects.filter(axis=axis, text__in=texts).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(add_prompts, remove_prompts)]

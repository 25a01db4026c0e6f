"""The ministry's default deck template (its fields' defaults: blue and gold, every slide)."""

from django.db import migrations


def seed(apps, schema_editor):
    DeckTemplate = apps.get_model("showcase_decks", "DeckTemplate")
    if not DeckTemplate.objects.exists():
        DeckTemplate.objects.create(
            name="Templat Kementerian",
            slide_order=["title", "vision", "dimensions", "quick_wins", "roadmap", "index", "closing"],
        )


def unseed(apps, schema_editor):
    apps.get_model("showcase_decks", "DeckTemplate").objects.filter(revision=1, logo="").delete()


class Migration(migrations.Migration):
    dependencies = [("showcase_decks", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]

"""Reference rows of every workspace: six dimensions × three sub-dimensions, the funding
sources, the one masterplan row and its empty analysis rows (readiness, SWOT/strategy).

Runs in the template schema and in every existing workspace; new workspaces copy the
template's rows when they are cloned.
"""

from django.db import migrations

DIMENSIONS = [
    (
        "governance",
        "Smart Governance",
        [("layanan-publik", "Layanan publik"), ("birokrasi", "Birokrasi"), ("kebijakan-publik", "Kebijakan publik")],
    ),
    ("branding", "Smart Branding", [("pariwisata", "Pariwisata"), ("bisnis", "Bisnis"), ("wajah-kota", "Wajah kota")]),
    (
        "economy",
        "Smart Economy",
        [("industri", "Industri"), ("kesejahteraan", "Kesejahteraan"), ("transaksi-keuangan", "Transaksi keuangan")],
    ),
    ("living", "Smart Living", [("tata-ruang", "Tata ruang"), ("kesehatan", "Kesehatan"), ("mobilitas", "Mobilitas")]),
    (
        "society",
        "Smart Society",
        [("komunitas", "Komunitas"), ("pendidikan", "Pendidikan/ekosistem belajar"), ("keamanan", "Keamanan")],
    ),
    (
        "environment",
        "Smart Environment",
        [("proteksi-lingkungan", "Proteksi lingkungan"), ("sampah-limbah", "Sampah & limbah"), ("energi", "Energi")],
    ),
]
FUNDING_SOURCES = [
    ("apbd", "APBD"),
    ("apbn", "APBN"),
    ("csr", "CSR"),
    ("kpbu", "KPBU"),
    ("swasta", "Swasta"),
    ("lainnya", "Lainnya"),
]
ASPECTS = ["struktur", "infrastruktur", "suprastruktur"]


def seed(apps, schema_editor):
    Dimension = apps.get_model("programs", "Dimension")
    SubDimension = apps.get_model("programs", "SubDimension")
    FundingSource = apps.get_model("programs", "FundingSource")
    Masterplan = apps.get_model("programs", "Masterplan")
    Readiness = apps.get_model("programs", "Readiness")
    DimensionPlan = apps.get_model("programs", "DimensionPlan")
    SubDimensionPlan = apps.get_model("programs", "SubDimensionPlan")
    for order, (code, name, subs) in enumerate(DIMENSIONS, start=1):
        dimension, _ = Dimension.objects.get_or_create(code=code, defaults={"name": name, "order": order})
        DimensionPlan.objects.get_or_create(dimension=dimension)
        for aspect in ASPECTS:
            Readiness.objects.get_or_create(dimension=dimension, aspect=aspect)
        for sub_order, (sub_code, sub_name) in enumerate(subs, start=1):
            sub, _ = SubDimension.objects.get_or_create(
                dimension=dimension, code=sub_code, defaults={"name": sub_name, "order": sub_order}
            )
            SubDimensionPlan.objects.get_or_create(sub_dimension=sub)
    for order, (code, name) in enumerate(FUNDING_SOURCES, start=1):
        FundingSource.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    if not Masterplan.objects.exists():
        Masterplan.objects.create()


def unseed(apps, schema_editor):
    for model in (
        "SubDimensionPlan",
        "DimensionPlan",
        "Readiness",
        "SubDimension",
        "Dimension",
        "FundingSource",
        "Masterplan",
    ):
        apps.get_model("programs", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("programs", "0003_masterplan")]

    operations = [migrations.RunPython(seed, unseed)]

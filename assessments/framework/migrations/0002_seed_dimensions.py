"""The six smart city dimensions and their three sub-dimensions each (reference data)."""

from django.db import migrations

DIMENSIONS = [
    ("governance", "Smart Governance", [
        ("layanan-publik", "Layanan publik"),
        ("birokrasi", "Birokrasi"),
        ("kebijakan-publik", "Kebijakan publik"),
    ]),
    ("branding", "Smart Branding", [
        ("pariwisata", "Pariwisata"),
        ("bisnis", "Bisnis"),
        ("wajah-kota", "Wajah kota"),
    ]),
    ("economy", "Smart Economy", [
        ("industri", "Industri"),
        ("kesejahteraan", "Kesejahteraan"),
        ("transaksi-keuangan", "Transaksi keuangan"),
    ]),
    ("living", "Smart Living", [
        ("tata-ruang", "Tata ruang"),
        ("kesehatan", "Kesehatan"),
        ("mobilitas", "Mobilitas"),
    ]),
    ("society", "Smart Society", [
        ("komunitas", "Komunitas"),
        ("ekosistem-belajar", "Pendidikan / ekosistem belajar"),
        ("keamanan", "Keamanan"),
    ]),
    ("environment", "Smart Environment", [
        ("proteksi-lingkungan", "Proteksi lingkungan"),
        ("sampah-limbah", "Sampah & limbah"),
        ("energi", "Energi"),
    ]),
]


def seed(apps, schema_editor):
    Dimension = apps.get_model("framework", "Dimension")
    SubDimension = apps.get_model("framework", "SubDimension")
    for order, (code, name, subs) in enumerate(DIMENSIONS, start=1):
        dimension, _ = Dimension.objects.update_or_create(code=code, defaults={"name": name, "order": order})
        for sub_order, (sub_code, sub_name) in enumerate(subs, start=1):
            SubDimension.objects.update_or_create(
                code=sub_code, defaults={"dimension": dimension, "name": sub_name, "order": sub_order}
            )


def unseed(apps, schema_editor):
    codes = [code for code, _, _ in DIMENSIONS]
    apps.get_model("framework", "SubDimension").objects.filter(dimension__code__in=codes).delete()
    apps.get_model("framework", "Dimension").objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("framework", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]

# MasterplanFigures now belongs to programs.national (label "masterplans"), which took over
# the table as it is: removed from this app's state only, the table and its rows stay.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('framework', '0004_ranking_publication'),
        ('masterplans', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='MasterplanFigures')],
            database_operations=[],
        ),
    ]

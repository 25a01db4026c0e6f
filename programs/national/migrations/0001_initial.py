# MasterplanFigures moves here from assessments.framework: the table, its rows, its index and
# its constraints stay as they are; only Django's state learns the new owner.

import django.db.models.deletion
from decimal import Decimal
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('framework', '0004_ranking_publication'),
        ('tenants', '0002_public_and_template_workspaces'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MasterplanFigures',
                    fields=[
                        ('region', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='masterplan_figures', serialize=False, to='tenants.region')),
                        ('status', models.CharField(choices=[('draft', 'Draf'), ('submitted', 'Diajukan'), ('approved', 'Disetujui'), ('published', 'Diterbitkan')], default='draft', max_length=12, verbose_name='status masterplan')),
                        ('revision', models.PositiveIntegerField(default=1, verbose_name='revisi')),
                        ('masterplan_completeness', models.DecimalField(decimal_places=2, default=Decimal('0'), max_digits=5, verbose_name='kelengkapan masterplan (%)')),
                        ('program_count', models.PositiveIntegerField(default=0, verbose_name='jumlah program')),
                        ('quick_win_count', models.PositiveIntegerField(default=0, verbose_name='jumlah quick win')),
                        ('budget_total', models.DecimalField(decimal_places=2, default=Decimal('0'), max_digits=18, verbose_name='total anggaran (Rp)')),
                        ('refreshed_at', models.DateTimeField(auto_now=True, verbose_name='diperbarui')),
                    ],
                    options={
                        'verbose_name': 'ringkasan masterplan',
                        'verbose_name_plural': 'ringkasan masterplan',
                        'db_table': 'framework_masterplanfigures',
                        'indexes': [models.Index(fields=['status'], name='framework_m_status_27af5b_idx')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]

from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from backend.members.models import JobStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0005_enterprise_scope')]

    initial = False

    operations = [
        ops.CreateModel(
            name='InvitationJob',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('models.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='invitation_jobs', on_delete=OnDelete.CASCADE)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='invitation_jobs', on_delete=OnDelete.SET_NULL)),
                ('status', fields.CharEnumField(default=JobStatus.QUEUED, description='QUEUED: queued\nRUNNING: running\nDONE: done', enum_type=JobStatus, max_length=16)),
                ('modules', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('sub_account_ids', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('total', fields.IntField(default=0)),
                ('done', fields.IntField(default=0)),
                ('invited', fields.IntField(default=0)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'invitation_jobs', 'app': 'models', 'indexes': [Index(fields=['status', 'created_at'])], 'pk_attr': 'id', 'table_description': 'A list of up to 10,000 addresses invited in the background, a chunk at a time.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='InvitationJobRow',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('job', fields.ForeignKeyField('models.InvitationJob', source_field='job_id', db_constraint=True, to_field='id', related_name='rows', on_delete=OnDelete.CASCADE)),
                ('line', fields.IntField(description='1-based position in the list as given')),
                ('email', fields.CharField(max_length=254)),
                ('first_name', fields.CharField(default='', max_length=100)),
                ('last_name', fields.CharField(default='', max_length=100)),
                ('role', fields.CharField(default='user', max_length=16)),
                ('outcome', fields.CharField(null=True, description='Null until processed', max_length=32)),
                ('message', fields.CharField(default='', max_length=255)),
                ('invitation_id', fields.IntField(null=True)),
            ],
            options={'table': 'invitation_job_rows', 'app': 'models', 'unique_together': (('job_id', 'line'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Account',
            name='documents_version',
            field=fields.CharField(default='', db_default='', max_length=50),
        ),
        ops.AddField(
            model_name='Account',
            name='privacy_policy_url',
            field=fields.CharField(default='', db_default='', max_length=500),
        ),
        ops.AddField(
            model_name='Account',
            name='terms_url',
            field=fields.CharField(default='', db_default='', max_length=500),
        ),
        ops.AddField(
            model_name='Invitation',
            name='accepted_documents_version',
            field=fields.CharField(null=True, max_length=50),
        ),
        ops.AddField(
            model_name='Invitation',
            name='email_disposable',
            field=fields.BooleanField(default=False, db_default=False),
        ),
        ops.AddIndex(
            model_name='Invitation',
            index=Index(fields=['account_id', 'created_at']),
        ),
            # One pending invitation per (target, email, kind), enforced by the database: older
        # duplicates left by races before this index are revoked first (newest kept).
        ops.RunSQL(
            [
                "UPDATE invitations SET status = 'revoked' WHERE status = 'pending' AND id NOT IN "
                "(SELECT MAX(id) FROM invitations WHERE status = 'pending' GROUP BY target, email, kind)",
                "CREATE UNIQUE INDEX uq_invitations_one_pending ON invitations (target, email, kind) "
                "WHERE status = 'pending'",
            ],
            reverse_sql="DROP INDEX uq_invitations_one_pending",
        ),
    ]

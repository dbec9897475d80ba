from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from backend.activity.models import ActivityKind
from backend.learning.models import ContentKind
from backend.seats.models import SeatStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0002_families')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ContentItem',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('kind', fields.CharEnumField(description='EPISODE: episode\nCOURSE: course\nLAB: lab', enum_type=ContentKind, max_length=16)),
                ('slug', fields.CharField(unique=True, max_length=120)),
                ('title', fields.CharField(max_length=200)),
                ('minutes', fields.IntField(default=0)),
            ],
            options={'table': 'content_items', 'app': 'models', 'pk_attr': 'id', 'table_description': 'One piece of the content catalogue: an episode, a course or a lab'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Subscription',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('models.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='subscriptions', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=200)),
                ('seat_count', fields.IntField(description='Most seats that may be active at once')),
                ('starts_on', fields.DateField(description='First day of content access')),
                ('ends_on', fields.DateField(description='Last day of content access')),
                ('features', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'subscriptions', 'app': 'models', 'indexes': [Index(fields=['account_id'])], 'pk_attr': 'id', 'table_description': 'Seats an account bought for a period, with the features they include'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ActivityEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subscription', fields.ForeignKeyField('models.Subscription', source_field='subscription_id', db_constraint=True, to_field='id', related_name='activity', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='activity', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='LOGIN: login\nVIEWING_STARTED: viewing_started\nVIEWED_COMPLETELY: viewed_completely\nLAB_STARTED: lab_started\nLAB_COMPLETED: lab_completed', enum_type=ActivityKind, max_length=24)),
                ('content', fields.ForeignKeyField('models.ContentItem', source_field='content_id', null=True, db_constraint=True, to_field='id', related_name='activity', on_delete=OnDelete.SET_NULL)),
                ('occurred_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'activity_events', 'app': 'models', 'indexes': [Index(fields=['subscription_id', 'occurred_at']), Index(fields=['user_id', 'occurred_at']), Index(fields=['subscription_id', 'kind', 'id'])], 'pk_attr': 'id', 'table_description': 'One thing a person did on a subscription, recorded by the content player'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LearningModule',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subscription', fields.ForeignKeyField('models.Subscription', source_field='subscription_id', db_constraint=True, to_field='id', related_name='learning_modules', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=200)),
                ('description', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'learning_modules', 'app': 'models', 'indexes': [Index(fields=['subscription_id'])], 'pk_attr': 'id', 'table_description': 'A named, described collection of content made by a seat admin'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Assignment',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subscription', fields.ForeignKeyField('models.Subscription', source_field='subscription_id', db_constraint=True, to_field='id', related_name='assignments', on_delete=OnDelete.CASCADE)),
                ('module', fields.ForeignKeyField('models.LearningModule', source_field='module_id', db_constraint=True, to_field='id', related_name='assignments', on_delete=OnDelete.CASCADE)),
                ('due_on', fields.DateField()),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='assignments_made', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'assignments', 'app': 'models', 'indexes': [Index(fields=['subscription_id'])], 'pk_attr': 'id', 'table_description': 'A module assigned to people and teams with a due date'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ModuleItem',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('module', fields.ForeignKeyField('models.LearningModule', source_field='module_id', db_constraint=True, to_field='id', related_name='items', on_delete=OnDelete.CASCADE)),
                ('content', fields.ForeignKeyField('models.ContentItem', source_field='content_id', db_constraint=True, to_field='id', related_name='module_items', on_delete=OnDelete.RESTRICT)),
                ('position', fields.IntField(default=0)),
            ],
            options={'table': 'module_items', 'app': 'models', 'unique_together': (('module_id', 'content_id'),), 'pk_attr': 'id', 'table_description': 'A content item in a module, in order'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SeatHolder',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subscription', fields.ForeignKeyField('models.Subscription', source_field='subscription_id', db_constraint=True, to_field='id', related_name='holders', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='seat_holdings', on_delete=OnDelete.CASCADE)),
                ('seat_status', fields.CharEnumField(default=SeatStatus.NONE, description='NONE: none\nACTIVE: active\nDEACTIVATED: deactivated', enum_type=SeatStatus, max_length=16)),
                ('is_admin', fields.BooleanField(default=False, db_default=False)),
                ('activated_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('deactivated_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'seat_holders', 'app': 'models', 'unique_together': (('subscription_id', 'user_id'),), 'indexes': [Index(fields=['subscription_id', 'seat_status']), Index(fields=['user_id'])], 'pk_attr': 'id', 'table_description': 'A person on a subscription: their seat (if any) and whether they are a seat admin'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Team',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subscription', fields.ForeignKeyField('models.Subscription', source_field='subscription_id', db_constraint=True, to_field='id', related_name='teams', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=120)),
                ('description', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'teams', 'app': 'models', 'unique_together': (('subscription_id', 'name'),), 'pk_attr': 'id', 'table_description': 'A named group of people on one subscription'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AssignmentTarget',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('assignment', fields.ForeignKeyField('models.Assignment', source_field='assignment_id', db_constraint=True, to_field='id', related_name='targets', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='assignment_targets', on_delete=OnDelete.CASCADE)),
                ('team', fields.ForeignKeyField('models.Team', source_field='team_id', null=True, db_constraint=True, to_field='id', related_name='assignment_targets', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'assignment_targets', 'app': 'models', 'indexes': [Index(fields=['assignment_id'])], 'pk_attr': 'id', 'table_description': 'Who an assignment is for: one person or one team (members counted when read)'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='TeamMember',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('team', fields.ForeignKeyField('models.Team', source_field='team_id', db_constraint=True, to_field='id', related_name='members', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='team_memberships', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'team_members', 'app': 'models', 'unique_together': (('team_id', 'user_id'),), 'indexes': [Index(fields=['user_id'])], 'pk_attr': 'id', 'table_description': 'A person in a team'},
            bases=['Model'],
        ),
    ]

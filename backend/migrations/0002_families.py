from tortoise import migrations
from tortoise.migrations import operations as ops
from backend.families.models import LedgerKind, MemberRole, MemberStatus
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Family',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('models.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='families', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=200)),
                ('primary', fields.ForeignKeyField('models.User', source_field='primary_id', db_constraint=True, to_field='id', related_name='primary_of', on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'families', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A household in an account (the gym, the school).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ActiveFamily',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.OneToOneField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='active_family', on_delete=OnDelete.CASCADE)),
                ('family', fields.ForeignKeyField('models.Family', source_field='family_id', db_constraint=True, to_field='id', related_name='active_for', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'active_families', 'app': 'models', 'pk_attr': 'id', 'table_description': 'Which family a person is acting in (the family switcher).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='FamilyMember',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('family', fields.ForeignKeyField('models.Family', source_field='family_id', db_constraint=True, to_field='id', related_name='members', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='family_memberships', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharEnumField(description='PRIMARY: primary\nSECONDARY: secondary', enum_type=MemberRole, max_length=16)),
                ('status', fields.CharEnumField(default=MemberStatus.NOT_INVITED, description='NOT_INVITED: not_invited\nINVITED: invited\nACTIVE: active\nREVOKED: revoked', enum_type=MemberStatus, max_length=16)),
                ('email', fields.CharField(max_length=254)),
                ('first_name', fields.CharField(default='', max_length=100)),
                ('last_name', fields.CharField(default='', max_length=100)),
                ('view_full_ledger', fields.BooleanField(default=False)),
                ('can_make_payments', fields.BooleanField(default=False)),
                ('invitation', fields.ForeignKeyField('models.Invitation', source_field='invitation_id', null=True, db_constraint=True, to_field='id', related_name='family_members', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'family_members', 'app': 'models', 'indexes': [Index(fields=['family_id', 'status']), Index(fields=['user_id', 'status'])], 'pk_attr': 'id', 'table_description': "A guardian's place in a family. Secondaries are saved (with an email) before they"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PaymentMethod',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('family', fields.ForeignKeyField('models.Family', source_field='family_id', db_constraint=True, to_field='id', related_name='payment_methods', on_delete=OnDelete.CASCADE)),
                ('owner', fields.ForeignKeyField('models.User', source_field='owner_id', db_constraint=True, to_field='id', related_name='payment_methods', on_delete=OnDelete.CASCADE)),
                ('brand', fields.CharField(max_length=32)),
                ('last4', fields.CharField(max_length=4)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'payment_methods', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A card or bank account a guardian saved for a family. Only its owner may pay with it.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LedgerEntry',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('family', fields.ForeignKeyField('models.Family', source_field='family_id', db_constraint=True, to_field='id', related_name='ledger', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='CHARGE: charge\nPAYMENT: payment', enum_type=LedgerKind, max_length=16)),
                ('amount_cents', fields.IntField()),
                ('description', fields.CharField(max_length=255)),
                ('payment_method', fields.ForeignKeyField('models.PaymentMethod', source_field='payment_method_id', null=True, db_constraint=True, to_field='id', related_name='payments', on_delete=OnDelete.SET_NULL)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='ledger_entries', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'ledger_entries', 'app': 'models', 'indexes': [Index(fields=['family_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'A charge or a payment. Amounts in cents, positive.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Student',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('family', fields.ForeignKeyField('models.Family', source_field='family_id', db_constraint=True, to_field='id', related_name='students', on_delete=OnDelete.CASCADE)),
                ('first_name', fields.CharField(max_length=100)),
                ('last_name', fields.CharField(max_length=100)),
                ('birth_date', fields.DateField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'students', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Enrollment',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('student', fields.ForeignKeyField('models.Student', source_field='student_id', db_constraint=True, to_field='id', related_name='enrollments', on_delete=OnDelete.CASCADE)),
                ('class_name', fields.CharField(max_length=200)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='enrollments_made', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'enrollments', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]

from tortoise import migrations
from tortoise.migrations import operations as ops
from backend.core.sms.models import SmsStatus
from backend.students.models import CredentialChannel, SignInStatus
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0008_permissions')]

    initial = False

    operations = [
        ops.CreateModel(
            name='GuardianSignIn',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('family_member', fields.OneToOneField('models.FamilyMember', source_field='family_member_id', db_constraint=True, to_field='id', related_name='sign_in', on_delete=OnDelete.CASCADE)),
                ('phone', fields.CharField(null=True, description='E.164', max_length=20)),
                ('credentials_channel', fields.CharEnumField(null=True, description='EMAIL: email\nSMS: sms\nPAPER: paper', enum_type=CredentialChannel, max_length=8)),
                ('credentials_sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'guardian_sign_ins', 'app': 'models', 'pk_attr': 'id', 'table_description': "A guardian's phone and how credentials were last handed to them."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OneTimePassword',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.OneToOneField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='one_time_password', on_delete=OnDelete.CASCADE)),
                ('channel', fields.CharEnumField(description='EMAIL: email\nSMS: sms\nPAPER: paper', enum_type=CredentialChannel, max_length=8)),
                ('issued_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'one_time_passwords', 'app': 'models', 'pk_attr': 'id', 'table_description': "The person's password is a one-time password (sent by SMS or printed): they must"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OutboxSms',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('to_phone', fields.CharField(description='E.164', max_length=20)),
                ('body_sealed', fields.TextField(description='Fernet token of the body, emptied after delivery', unique=False)),
                ('purpose', fields.CharField(default='', max_length=64)),
                ('ref', fields.CharField(default='', description='What it is about, e.g. student:12', max_length=64)),
                ('status', fields.CharEnumField(default=SmsStatus.PENDING, description='PENDING: pending\nSENDING: sending\nSENT: sent\nFAILED: failed', enum_type=SmsStatus, max_length=16)),
                ('attempts', fields.IntField(default=0)),
                ('next_attempt_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('locked_by', fields.CharField(null=True, max_length=64)),
                ('provider_sid', fields.CharField(null=True, max_length=64)),
                ('last_error', fields.TextField(null=True, unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'outbox_sms', 'app': 'models', 'indexes': [Index(fields=['status', 'next_attempt_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StudentSignIn',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('student', fields.OneToOneField('models.Student', source_field='student_id', db_constraint=True, to_field='id', related_name='sign_in', on_delete=OnDelete.CASCADE)),
                ('user', fields.OneToOneField('models.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='student_sign_in', on_delete=OnDelete.SET_NULL)),
                ('use_personal_email', fields.BooleanField(default=False)),
                ('personal_email', fields.CharField(null=True, max_length=254)),
                ('contact_email', fields.CharField(null=True, max_length=254)),
                ('phone', fields.CharField(null=True, description='E.164', max_length=20)),
                ('status', fields.CharEnumField(default=SignInStatus.NO_LOGIN, description='NO_LOGIN: no_login\nINVITED: invited\nCREDENTIALS_SENT: credentials_sent\nACTIVE: active\nDISABLED: disabled', enum_type=SignInStatus, max_length=20)),
                ('credentials_channel', fields.CharEnumField(null=True, description='EMAIL: email\nSMS: sms\nPAPER: paper', enum_type=CredentialChannel, max_length=8)),
                ('credentials_sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('invitation', fields.ForeignKeyField('models.Invitation', source_field='invitation_id', null=True, db_constraint=True, to_field='id', related_name='student_sign_ins', on_delete=OnDelete.SET_NULL)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'student_sign_ins', 'app': 'models', 'pk_attr': 'id', 'table_description': "A student's sign-in: the username policy inputs, the phone, and where it stands."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StudentSignInSettings',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('account', fields.OneToOneField('models.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='student_sign_in_settings', on_delete=OnDelete.CASCADE)),
                ('microsoft365_domain', fields.CharField(null=True, max_length=253)),
                ('phone_region', fields.CharField(default='US', description='Default country for phone numbers', max_length=2)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'student_sign_in_settings', 'app': 'models', 'pk_attr': 'id', 'table_description': "An account's username policy: with a Microsoft 365 domain, students sign in with"},
            bases=['Model'],
        ),
    ]

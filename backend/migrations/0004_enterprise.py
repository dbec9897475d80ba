from tortoise import migrations
from tortoise.migrations import operations as ops
from backend.enterprise.models import EnterpriseLevel
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0003_seats')]

    initial = False

    operations = [
        ops.CreateModel(
            name='EnterpriseGroup',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(max_length=200)),
                ('issuer', fields.CharField(description='OpenID issuer its people sign in with', max_length=500)),
                ('provider_name', fields.CharField(default='Google', description='Shown on the sign-in button', max_length=100)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'enterprise_groups', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A group of accounts of one customer, signed in to through one OpenID provider.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='EnterpriseGroupAccount',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('group', fields.ForeignKeyField('models.EnterpriseGroup', source_field='group_id', db_constraint=True, to_field='id', related_name='accounts', on_delete=OnDelete.CASCADE)),
                ('account', fields.ForeignKeyField('models.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='enterprise_groups', on_delete=OnDelete.CASCADE)),
                ('user_login_as', fields.ForeignKeyField('models.User', source_field='user_login_as_id', null=True, db_constraint=True, to_field='id', related_name='enterprise_user_logins', on_delete=OnDelete.SET_NULL)),
                ('admin_login_as', fields.ForeignKeyField('models.User', source_field='admin_login_as_id', null=True, db_constraint=True, to_field='id', related_name='enterprise_admin_logins', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'enterprise_group_accounts', 'app': 'models', 'unique_together': (('group_id', 'account_id'),), 'pk_attr': 'id', 'table_description': 'A member account of a group, with the staff users enterprise people act as in it.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='EnterpriseUser',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('group', fields.ForeignKeyField('models.EnterpriseGroup', source_field='group_id', db_constraint=True, to_field='id', related_name='people', on_delete=OnDelete.CASCADE)),
                ('user', fields.OneToOneField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='enterprise_user', on_delete=OnDelete.CASCADE)),
                ('first_name', fields.CharField(default='', max_length=100)),
                ('last_name', fields.CharField(default='', max_length=100)),
                ('email', fields.CharField(description='Lower-cased, matched once: on first sign-in', max_length=254)),
                ('level', fields.CharEnumField(default=EnterpriseLevel.USER, description='ADMIN: admin\nUSER: user', enum_type=EnterpriseLevel, max_length=16)),
                ('active', fields.BooleanField(default=True)),
                ('issuer', fields.CharField(null=True, max_length=500)),
                ('subject', fields.CharField(null=True, max_length=255)),
                ('linked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'enterprise_users', 'app': 'models', 'unique_together': (('issuer', 'subject'), ('group_id', 'email')), 'pk_attr': 'id', 'table_description': 'A person of an enterprise group.'},
            bases=['Model'],
        ),
    ]

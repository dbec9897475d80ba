from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0004_enterprise')]

    initial = False

    operations = [
        ops.CreateModel(
            name='EnterpriseSubgroup',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('group', fields.ForeignKeyField('models.EnterpriseGroup', source_field='group_id', db_constraint=True, to_field='id', related_name='subgroups', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=200)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'enterprise_subgroups', 'app': 'models', 'unique_together': (('group_id', 'name'),), 'pk_attr': 'id', 'table_description': 'A part of a group holding a subset of its accounts: its people reach only those.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='EnterpriseSubgroupAccount',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('subgroup', fields.ForeignKeyField('models.EnterpriseSubgroup', source_field='subgroup_id', db_constraint=True, to_field='id', related_name='accounts', on_delete=OnDelete.CASCADE)),
                ('account', fields.ForeignKeyField('models.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='enterprise_subgroups', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'enterprise_subgroup_accounts', 'app': 'models', 'unique_together': (('subgroup_id', 'account_id'),), 'pk_attr': 'id', 'table_description': 'A member account of the group that a subgroup holds.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='IdentityProvider',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('group', fields.ForeignKeyField('models.EnterpriseGroup', source_field='group_id', db_constraint=True, to_field='id', related_name='providers', on_delete=OnDelete.CASCADE)),
                ('key', fields.CharField(unique=True, description='URL name: /sso/login?provider=<key>', max_length=64)),
                ('display_name', fields.CharField(description='Shown on the sign-in button', max_length=100)),
                ('issuer', fields.CharField(max_length=500)),
                ('discovery_url', fields.CharField(max_length=500)),
                ('client_id', fields.CharField(max_length=255)),
                ('client_secret_encrypted', fields.TextField(unique=False)),
                ('allowed_domains', fields.JSONField(default=list, description='Lower-case email domains (empty: any)', encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('tenant_ids', fields.JSONField(default=list, description='Allowed Entra tenants (multi-tenant issuers)', encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'enterprise_identity_providers', 'app': 'models', 'pk_attr': 'id', 'table_description': 'An OpenID provider one enterprise group signs in with (Google, Microsoft Entra, ...).'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='EnterpriseUser',
            name='subgroup',
            field=fields.ForeignKeyField('models.EnterpriseSubgroup', source_field='subgroup_id', null=True, db_constraint=True, to_field='id', related_name='people', on_delete=OnDelete.RESTRICT),
        ),
        ops.AddField(
            model_name='Session',
            name='account_scope',
            field=fields.ForeignKeyField('models.Account', source_field='account_scope_id', null=True, db_constraint=True, to_field='id', related_name='act_as_sessions', on_delete=OnDelete.CASCADE),
        ),
        ops.AddField(
            model_name='Session',
            name='acting_user',
            field=fields.ForeignKeyField('models.User', source_field='acting_user_id', null=True, db_constraint=True, to_field='id', related_name='acting_sessions', on_delete=OnDelete.CASCADE),
        ),
    ]

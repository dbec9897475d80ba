from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0004_enterprise')]

    initial = False

    operations = [
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

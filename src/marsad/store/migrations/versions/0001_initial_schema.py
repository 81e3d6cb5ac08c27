"""initial schema

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('incidents',
    sa.Column('incident_id', sa.String(length=40), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('event_type', sa.String(length=60), nullable=False),
    sa.Column('sub_event_type', sa.String(length=60), nullable=False),
    sa.Column('country', sa.Text(), nullable=True),
    sa.Column('iso3', sa.String(length=3), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('admin1_code', sa.String(length=10), nullable=True),
    sa.Column('background', sa.Boolean(), nullable=False),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('incident_id')
    )
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incidents_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_event_type'), ['event_type'], unique=False)

    op.create_table('rejections',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_key', sa.Text(), nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('stage', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_key', 'stage', 'code', name='uq_rejection')
    )
    with op.batch_alter_table('rejections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rejections_article_key'), ['article_key'], unique=False)

    op.create_table('runs',
    sa.Column('fingerprint', sa.String(length=16), nullable=False),
    sa.Column('marsad_version', sa.String(length=40), nullable=False),
    sa.Column('stamp', sa.JSON(), nullable=False),
    sa.Column('first_seen', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('fingerprint')
    )
    op.create_table('articles',
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('run', sa.String(length=16), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['run'], ['runs.fingerprint'], ),
    sa.PrimaryKeyConstraint('content_hash')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)

    op.create_table('events',
    sa.Column('event_id', sa.String(length=40), nullable=False),
    sa.Column('article_hash', sa.String(length=64), nullable=False),
    sa.Column('incident_id', sa.String(length=40), nullable=True),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('event_type', sa.String(length=60), nullable=False),
    sa.Column('sub_event_type', sa.String(length=60), nullable=False),
    sa.Column('background', sa.Boolean(), nullable=False),
    sa.Column('weapon', sa.String(length=20), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('iso3', sa.String(length=3), nullable=True),
    sa.Column('admin1_code', sa.String(length=10), nullable=True),
    sa.Column('actor1', sa.Text(), nullable=True),
    sa.Column('actor2', sa.Text(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_hash'], ['articles.content_hash'], ),
    sa.PrimaryKeyConstraint('event_id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_article_hash'), ['article_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_incident_id'), ['incident_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.event_id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_event_id'), ['event_id'], unique=False)

    op.create_table('fusion_links',
    sa.Column('incident_id', sa.String(length=40), nullable=False),
    sa.Column('event_a', sa.String(length=40), nullable=False),
    sa.Column('event_b', sa.String(length=40), nullable=False),
    sa.Column('rule', sa.String(length=60), nullable=False),
    sa.Column('days', sa.Integer(), nullable=True),
    sa.Column('km', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['event_a'], ['events.event_id'], ),
    sa.ForeignKeyConstraint(['event_b'], ['events.event_id'], ),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.incident_id'], ),
    sa.PrimaryKeyConstraint('incident_id', 'event_a', 'event_b')
    )
    with op.batch_alter_table('fusion_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fusion_links_incident_id'), ['incident_id'], unique=False)

    op.create_table('incident_sources',
    sa.Column('incident_id', sa.String(length=40), nullable=False),
    sa.Column('event_id', sa.String(length=40), nullable=False),
    sa.Column('article_hash', sa.String(length=64), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_hash'], ['articles.content_hash'], ),
    sa.ForeignKeyConstraint(['event_id'], ['events.event_id'], ),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.incident_id'], ),
    sa.PrimaryKeyConstraint('incident_id', 'event_id')
    )
    with op.batch_alter_table('incident_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_sources_article_hash'), ['article_hash'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('incident_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_sources_article_hash'))

    op.drop_table('incident_sources')
    with op.batch_alter_table('fusion_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fusion_links_incident_id'))

    op.drop_table('fusion_links')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_event_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_incident_id'))
        batch_op.drop_index(batch_op.f('ix_events_day'))
        batch_op.drop_index(batch_op.f('ix_events_article_hash'))

    op.drop_table('events')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_published'))
        batch_op.drop_index(batch_op.f('ix_articles_article_id'))

    op.drop_table('articles')
    op.drop_table('runs')
    with op.batch_alter_table('rejections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rejections_article_key'))

    op.drop_table('rejections')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_event_type'))
        batch_op.drop_index(batch_op.f('ix_incidents_date'))

    op.drop_table('incidents')

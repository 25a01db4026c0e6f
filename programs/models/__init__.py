"""Models of a region's workspace (tenant schema), one module per aggregate.

- ``bimtek``: the four Bimtek stages of the region's year.
- ``reference``: the six dimensions × three sub-dimensions and the funding sources (rows
  seeded by a migration, copied into every new workspace with the template).
- ``directory``: OPDs, the people of the Dewan Smart City and Tim Pelaksana, and which OPD
  an OPD editor works for.
- ``masterplan``: the masterplan itself (Buku I and II content, status, revision, the
  workflow log), readiness, and the per-dimension analysis and strategy.
- ``program``: programs (*lembar inovasi*) with indicators, funding, milestones, risks and
  their saved versions.
- ``collaboration``: comments and in-app notifications.
- ``book``: the masterplan book (PDF) jobs and their files.
- ``komitmen``: the commitment sheets (*lembar komitmen*) with their signed scans.
- ``imports``: large Excel imports of programs run by a background job.
"""

from programs.models.bimtek import BimtekStage
from programs.models.book import MasterplanBook
from programs.models.collaboration import Comment, Notification
from programs.models.directory import Opd, OpdEditor, Person
from programs.models.imports import ProgramImport
from programs.models.komitmen import LembarKomitmen
from programs.models.masterplan import DimensionPlan, Masterplan, MasterplanTransition, Readiness, SubDimensionPlan
from programs.models.program import Funding, Indicator, Milestone, Program, ProgramRevision, Risk
from programs.models.reference import Dimension, FundingSource, SubDimension

__all__ = [
    "BimtekStage",
    "Comment",
    "Dimension",
    "DimensionPlan",
    "Funding",
    "FundingSource",
    "Indicator",
    "LembarKomitmen",
    "Masterplan",
    "MasterplanBook",
    "MasterplanTransition",
    "Milestone",
    "Notification",
    "Opd",
    "OpdEditor",
    "Person",
    "Program",
    "ProgramImport",
    "ProgramRevision",
    "Readiness",
    "Risk",
    "SubDimension",
    "SubDimensionPlan",
]

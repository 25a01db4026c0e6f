"""Assessments: framework versions (public side, ``assessments.framework``) and each
region's assessment cycles (tenant side). Built with the assessments capability."""

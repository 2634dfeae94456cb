"""Names every docstring example may use without importing them (doctests run by pytest)."""

import numpy as np
import pandas as pd
import pytest

import analysis


@pytest.fixture(autouse=True)
def _doctest_names(request: pytest.FixtureRequest, doctest_namespace: dict) -> None:
    if not isinstance(request.node, pytest.DoctestItem):
        return  # only docstring examples need every public name imported
    doctest_namespace.update(pd=pd, np=np, analysis=analysis)
    doctest_namespace.update({name: getattr(analysis, name) for name in analysis.__all__})

"""The public surface is small and pinned: changing it must be a decision, not an accident."""

import spinscope


def test_public_api_is_pinned() -> None:
    assert sorted(spinscope.__all__) == sorted([
        "SCHEMA", "Document", "ErrorCode", "Meta", "OffsetMap", "Outlet", "Pipeline", "ReadError", "Span",
        "SpinscopeError", "__version__", "to_analysis",
    ])
    for name in spinscope.__all__:
        assert hasattr(spinscope, name), name

"""The differential Celery conformance suite's Python side: the oracle worker's tasks and the scenario runner."""

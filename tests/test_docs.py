"""The README keeps up with the code: every command documented, the two commands first."""

from __future__ import annotations

from conftest import REPO

from dateline.cli import app

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    groups = [
        f"{g.name} {c.name or c.callback.__name__}"
        for g in app.registered_groups
        for c in g.typer_instance.registered_commands
    ]
    return names + groups


def test_every_command_is_in_the_readme():
    missing = [name for name in _commands() if f"dateline {name}" not in README]
    assert not missing


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second():
    block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert "dateline run" in block[0]
    assert "pytest" in block[1]
    assert block[1] in (REPO / ".ci" / "run").read_text(encoding="utf-8")

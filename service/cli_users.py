"""`tdkt user …`: accounts from the command line, on the archive the settings name.

This is how the first archivist is added on a server, how a forgotten admin password is
reset, and how a script gets its API token.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from service.cli_support import fail, open_settings_archive
from service.preservation import audit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from service.db.models import User

user_app = typer.Typer(help="Accounts: add people, set passwords, make API tokens.")

CLI = "tdkt-cli"  # who the audit log names for changes made on the server's command line
ROLE_HELP = "viewer (search, read), archivist (upload, correct, approve), admin (users)"


def _password(from_stdin: bool, prompt: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    if prompt:
        value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        return value
    return None


@user_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The user name people sign in with.")],
    role: Annotated[str, typer.Option(help=ROLE_HELP)] = "viewer",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    no_password: Annotated[
        bool, typer.Option("--no-password", help="An account for scripts: API tokens only.")
    ] = False,
    token: Annotated[
        bool, typer.Option("--token", help="Also make an API token and print it.")
    ] = False,
) -> None:
    """Add an account; asks for its password unless told otherwise."""
    from service import accounts

    password = _password(password_stdin, prompt=not no_password)
    with open_settings_archive() as archive, archive.db.write() as session:
        try:
            user = accounts.add_user(session, name, role, password)
        except accounts.AccountError as error:
            fail(error.code, error.message)
        made = accounts.new_token(session, user, "cli") if token else None
        audit.record(session, CLI, "user.add", f"user:{user.name}", {"role": role, "token": token})
    typer.echo(f"added {user.name} ({user.role})", err=True)
    if made:
        typer.echo(made)


def _existing(session: Session, name: str) -> User:
    from service import accounts

    try:
        user = accounts.find_user(session, name)
    except accounts.AccountError as error:
        fail(error.code, error.message)
    if user is None:
        fail("not_found", f"no user {name!r}")
    return user


@user_app.command("password")
def password(
    name: Annotated[str, typer.Argument()],
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
) -> None:
    """Set an account's password (ends its browser sign-ins and revokes its API tokens)."""
    from service import accounts

    value = _password(password_stdin, prompt=True) or ""
    with open_settings_archive() as archive, archive.db.write() as session:
        try:
            revoked = accounts.set_password(session, _existing(session, name), value)
            audit.record(
                session, CLI, "user.change", f"user:{name}",
                {"password": "set", "tokens_revoked": revoked},
            )  # fmt: skip
        except accounts.AccountError as error:
            fail(error.code, error.message)
    typer.echo(
        f"password of {name} set" + (f"; {revoked} API tokens revoked" if revoked else ""),
        err=True,
    )


@user_app.command("token")
def token(
    name: Annotated[str, typer.Argument()],
    label: Annotated[str, typer.Option(help="What the token is for.")] = "",
) -> None:
    """Print a new API token for the account (send it as `Authorization: Bearer …`)."""
    from service import accounts

    with open_settings_archive() as archive, archive.db.write() as session:
        made = accounts.new_token(session, _existing(session, name), label)
        audit.record(session, CLI, "token.add", f"user:{name}", {"label": label})
    typer.echo(made)


@user_app.command("list")
def list_users() -> None:
    """Every account with its role."""
    from sqlalchemy import select

    from service.db.models import User

    with open_settings_archive() as archive, archive.db.read() as session:
        for user in session.scalars(select(User).order_by(User.name)):
            state = "" if user.active else "  (disabled)"
            typer.echo(f"{user.name}\t{user.role}{state}")

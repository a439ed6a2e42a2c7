"""The forms a rating pack names: self-review forms, which form each group writes, and the
sections of a commitment (bản cam kết). Read by ``rating_loader`` with its reader ``r``.
"""

from __future__ import annotations

from desktop.rules import rating_settings
from desktop.rules.rating_model import CommitmentSection, FormSection, FormVariant

REVIEW_GROUPS = ("2A", "2B", "2C")


def forms(r, data: dict) -> tuple[FormVariant, ...]:
    out: list[FormVariant] = []
    for i, item in enumerate(r.items(data, "forms", "forms")):
        f = f"forms[{i}]"
        kind = item.get("kind")
        if kind not in ("individual", "collective"):
            raise r.fail(f"{f}.kind", f'phải là "individual" hoặc "collective" (đang: {kind!r}).')
        sections = tuple(
            FormSection(
                r.text(s, "code", f"{f}.sections[{j}].code"),
                r.text(s, "title", f"{f}.sections[{j}].title"),
            )
            for j, s in enumerate(r.items(item, "sections", f"{f}.sections"))
        )
        code = r.text(item, "code", f"{f}.code")
        if any(form.code == code for form in out):
            raise r.fail(f"{f}.code", f'mẫu "{code}" bị lặp.')
        out.append(
            FormVariant(
                code=code,
                kind=kind,
                template=r.text(item, "template", f"{f}.template"),
                title=r.text(item, "title", f"{f}.title"),
                self_score=r.flag(item, "self_score", f"{f}.self_score"),
                sections=sections,
                source=r.text(item, "source", f"{f}.source"),
                verify=r.flag(item, "verify", f"{f}.verify"),
                sections_verify=r.flag(item, "sections_verify", f"{f}.sections_verify"),
                **rating_settings.form_criteria(r, item, f),
            )
        )
    return tuple(out)


def form_by_group(r, data: dict, forms: set[str]) -> tuple[tuple[str, str], ...]:
    raw = r.get(data, "form_by_group", "form_by_group")
    if not isinstance(raw, dict):
        raise r.fail("form_by_group", "phải là một đối tượng JSON.")
    for group in REVIEW_GROUPS:
        code = r.text(raw, group, f"form_by_group.{group}")
        if code not in forms:
            raise r.fail(f"form_by_group.{group}", f'mẫu "{code}" không có trong "forms".')
    return tuple((group, raw[group].strip()) for group in REVIEW_GROUPS)


def commitment_sections(r, data: dict) -> tuple[CommitmentSection, ...]:
    items = r.items(data, "commitment_sections", "commitment_sections")
    return tuple(
        CommitmentSection(
            number=r.integer(s, "number", f"commitment_sections[{i}].number"),
            code=r.text(s, "code", f"commitment_sections[{i}].code"),
            title=r.text(s, "title", f"commitment_sections[{i}].title"),
        )
        for i, s in enumerate(items)
    )

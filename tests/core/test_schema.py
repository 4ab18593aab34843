"""The content's shape declared once: a `@shape` class gives both the check and the object."""

from __future__ import annotations

import pytest

from lowback_timer.core.schema import (
    Id,
    Int,
    ListOf,
    Report,
    Shape,
    Text,
    Texts,
    from_owner,
    replace,
    shape,
    spec,
)
from lowback_timer.core.yamlsafe import LineList, LineMap


@shape
class Leaf:
    id: str = spec(Int(1, 9), key="number", convert=str)
    tree: str = from_owner("id")  # the id of the tree it grows on


@shape
class Tree:
    id: str = spec(Id())
    title: Texts = spec(Text())
    leaves: tuple[Leaf, ...] = spec(ListOf(Shape(Leaf), min_items=1))


def mapping(line: int, **values: object) -> LineMap:
    result = LineMap(line)
    for offset, (key, value) in enumerate(values.items()):
        result[key] = value
        result.lines[key] = line + offset
    return result


def listing(line: int, *items: object) -> LineList:
    result = LineList(line)
    result.extend(items)
    result.lines.extend(range(line + 1, line + 1 + len(items)))
    return result


def test_the_record_is_derived_from_the_fields_with_their_yaml_keys() -> None:
    assert list(Shape(Tree).record.fields) == ["id", "title", "leaves"]
    assert list(Shape(Leaf).record.fields) == ["number"]  # `tree` is not in the YAML


def test_a_checked_record_is_made_into_the_object() -> None:
    report = Report("tree.yaml", {"language": ("en", "ja")})
    value = mapping(
        1,
        id="oak",
        title=mapping(2, en="Oak", ja="樫"),
        leaves=listing(4, mapping(5, number=3), mapping(6, number=7)),
    )
    kind = Shape(Tree)
    checked = kind.read(report, value, 1, "tree")
    assert report.errors == []
    tree = kind.make(checked, None)
    assert tree.title("ja") == "樫"
    assert tree == Tree(
        "oak", Texts((("en", "Oak"), ("ja", "樫"))), (Leaf("3", "oak"), Leaf("7", "oak"))
    )


def test_every_wrong_field_is_reported_under_its_yaml_key() -> None:
    report = Report("tree.yaml", {"language": ("en",)})
    value = mapping(1, id="oak", title=mapping(2, en="Oak"), leaves=listing(4, mapping(5, id=3)))
    Shape(Tree).read(report, value, 1, "tree")
    assert [str(e) for e in report.errors] == [
        "tree.yaml:5: tree.leaves[1]: unknown key 'id' (known: number)",
        "tree.yaml:5: tree.leaves[1]: missing key 'number'",
    ]


def test_a_field_without_a_spec_is_refused_when_the_class_is_declared() -> None:
    with pytest.raises(TypeError, match=r"Bare\.count is declared without spec"):

        @shape
        class Bare:
            name: str = spec(Text())
            count: int = 0


def test_a_shape_is_frozen_and_equal_by_its_values() -> None:
    leaf = Leaf("1", "oak")
    with pytest.raises(AttributeError, match="frozen"):
        leaf.id = "2"  # type: ignore[misc]
    assert leaf == Leaf(id="1", tree="oak") and hash(leaf) == hash(Leaf("1", "oak"))
    assert leaf != Leaf("2", "oak")
    assert replace(leaf, id="2") == Leaf("2", "oak")


def test_a_shape_is_made_like_a_dataclass_and_refuses_what_it_does_not_know() -> None:
    with pytest.raises(TypeError, match="missing the field 'tree'"):
        Leaf("1")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected or repeated field 'colour'"):
        Leaf("1", "oak", colour="green")  # type: ignore[call-arg]

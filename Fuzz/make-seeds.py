#!/usr/bin/env python3
"""Writes Fuzz/seeds.jsonl: one valid message of every type in the GED-188 spec, as `ctios ged188 encode` reads it.

Fixed fields get small numbers, required floating fields a short value, and every optional floating field,
repeated field and group one value, so that the fuzzer starts from messages that reach every field decoder.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Scripts", "ged188-codegen"))
import generate  # noqa: E402


def sample(field, index):
    if field.wire == "STRING":
        return ("v%d" % index)[: field.size - 1]
    if field.wire == "UNSPEC":
        return [1, 2]
    if field.wire in ("SECRET", "SECRETSTRING"):
        return "31323334"
    if field.wire == "NAMEDVAR":
        return {"name": "user.var%d" % index, "value": "value"}
    if field.wire == "NAMEDARRAY":
        return {"name": "user.array", "index": index % 256, "value": "element"}
    if field.wire == "BOOL":
        return True
    if field.wire in ("UINTARRAY", "USHORTARRAY"):
        return [index, index + 1]
    return index % 200 + 1


def main():
    _, messages = generate.parse_specs()
    lines = []
    for message in messages:
        fields = {}
        index = 1
        for field in [f for f in message.fixed if not f.count_of] + message.floating:
            name = field.prop.strip("`")
            if field.part == "group":
                fields[name] = [{m.prop.strip("`"): sample(m, index + i) for i, m in enumerate(field.fields)}]
            elif field.repeated:
                fields[name] = [sample(field, index)]
            else:
                fields[name] = sample(field, index)
            index += 1
        if message.handwritten:  # FAILURE_CONF
            fields = {"invokeID": 1, "status": 6}
        lines.append(json.dumps({"message": message.wire_name, "fields": fields}, sort_keys=True))
    with open(os.path.join(HERE, "seeds.jsonl"), "w") as handle:
        handle.write("\n".join(lines) + "\n")
    print("wrote %d seed messages" % len(lines))


if __name__ == "__main__":
    main()

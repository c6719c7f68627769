#!/usr/bin/python3
"""Lint: the curated entry-point lists against the Khronos registry (khronos-api's gl.xml, glx.xml).

Every GLX_ENTRYPOINT must be a GLX command, every GL_ENTRYPOINT/GL_INTERNAL a GL command, and every
GLX extension eglrun advertises (string literals in glx/extensions.cpp) must have all its commands in
the GLX list, so that advertising an extension can never outrun exporting it."""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def desktop_aliases(xml_path):
    """{command: its aliases that desktop OpenGL (core or an extension of "gl"/"glcore") has}."""
    root = ET.parse(xml_path).getroot()
    desktop = set()
    for feature in root.iter("feature"):
        if feature.get("api") == "gl":
            desktop |= {c.get("name") for req in feature.iter("require") for c in req.iter("command")}
    for ext in root.iter("extension"):
        if set((ext.get("supported") or "").split("|")) & {"gl", "glcore"}:
            for req in ext.iter("require"):
                if req.get("api") in (None, "gl", "glcore"):
                    desktop |= {c.get("name") for c in req.iter("command")}
    aliases = {}
    for c in root.iter("command"):
        name, alias = c.find("proto/name"), c.find("alias")
        if name is not None and alias is not None and name.text in desktop:
            aliases.setdefault(alias.get("name"), set()).add(name.text)
    return aliases


def commands(xml_path):
    root = ET.parse(xml_path).getroot()
    names = {c.find("proto/name").text for c in root.iter("command") if c.find("proto/name") is not None}
    ext_cmds = {}
    for ext in root.iter("extension"):
        ext_cmds[ext.get("name")] = {c.get("name") for req in ext.iter("require") for c in req.iter("command")}
    return names, ext_cmds


def listed(inc_path, macro):
    text = re.sub(r"/\*.*?\*/", "", Path(inc_path).read_text(), flags=re.S)
    return re.findall(rf"\b{macro}\((\w+)\)", text)


def main():
    interposer, registry = Path(sys.argv[1]), Path(sys.argv[2])
    glx_names, glx_ext = commands(registry / "glx.xml")
    gl_names, _ = commands(registry / "gl.xml")
    problems = []
    glx_list = listed(interposer / "symbols/glx_entrypoints.inc", "GLX_ENTRYPOINT")
    # Included from gl_entrypoints.inc: the calls that draw (the deferred preserve copy).
    draw_list = listed(interposer / "symbols/gl_draw_entrypoints.inc", "GL_ENTRYPOINT")
    gl_list = listed(interposer / "symbols/gl_entrypoints.inc", "GL_ENTRYPOINT") + draw_list
    for kind, names, known in (
        ("GLX_ENTRYPOINT", glx_list, glx_names),
        ("GL_ENTRYPOINT", gl_list, gl_names),
        ("GL_INTERNAL", listed(interposer / "symbols/gl_internal.inc", "GL_INTERNAL"), gl_names),
    ):
        if not names:
            problems.append(f"{kind}: the list is empty (parse error?)")
        for dup in sorted({n for n in names if names.count(n) > 1}):
            problems.append(f"{kind}({dup}) is listed twice")
        for n in names:
            if n not in known:
                problems.append(f"{kind}({n}) is not a command of the Khronos registry")
    # A draw call reached through an alias (glXGetProcAddress("glDrawArraysEXT")) must not miss the copy.
    if not draw_list:
        problems.append("gl_draw_entrypoints.inc: the list is empty (parse error?)")
    aliases = desktop_aliases(registry / "gl.xml")
    for n in draw_list:
        for alias in sorted(aliases.get(n, set()) - set(draw_list)):
            problems.append(f"gl_draw_entrypoints.inc lists {n} but not its desktop alias {alias}")
    advertised = set(re.findall(r'"(GLX_\w+)"', (interposer / "glx/extensions.cpp").read_text()))
    if not advertised:
        problems.append("no advertised extension found in glx/extensions.cpp (parse error?)")
    for ext in sorted(advertised):
        if ext not in glx_ext:
            problems.append(f"{ext} is advertised but is not an extension of glx.xml")
            continue
        for cmd in sorted(glx_ext[ext] - set(glx_list)):
            problems.append(f"{ext} is advertised but its command {cmd} is not in glx_entrypoints.inc")
    for p in problems:
        print("lint:", p)
    print(f"checked {len(glx_list)} GLX entry points and {len(advertised)} advertised extensions:",
          "ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

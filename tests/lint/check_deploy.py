#!/usr/bin/env python3
"""lint.deploy: the deployment material in deploy/ against what it must keep true.

Kubernetes manifests (no cluster here, so no server-side validation):
  - only field names of the core/v1 Pod API, per object (a misplaced field such as a pod-level
    field inside a container is an error that kubectl would only report on a cluster);
  - every volumeMount names a declared volume; /dev/shm is a memory-backed emptyDir in every
    container that runs a GL program; the X socket volume is shared by the X server and the program;
  - every EGLRUN_*/VGL_* variable is one eglrun reads (include/eglrun/environment.hpp), and the device
    names are ones `eglrun -d` accepts;
  - GPU containers request a GPU resource.
Dockerfile: every COPY source exists in the repository; every runtime package exists in Debian 12
(apt-cache, when the package lists are present).
  check_deploy.py <source dir>
"""
import pathlib
import re
import subprocess
import sys

import yaml

FIELDS = {
    "pod": {"apiVersion", "kind", "metadata", "spec"},
    "metadata": {"name", "namespace", "labels", "annotations"},
    "podspec": {"restartPolicy", "initContainers", "containers", "volumes", "securityContext",
                "nodeSelector", "tolerations", "affinity", "runtimeClassName", "hostIPC",
                "shareProcessNamespace", "terminationGracePeriodSeconds", "serviceAccountName"},
    "podsecurity": {"runAsUser", "runAsGroup", "runAsNonRoot", "fsGroup", "supplementalGroups"},
    "container": {"name", "image", "imagePullPolicy", "command", "args", "env", "resources",
                  "volumeMounts", "securityContext", "ports", "workingDir", "readinessProbe",
                  "livenessProbe", "startupProbe"},
    "containersecurity": {"runAsUser", "runAsGroup", "runAsNonRoot", "privileged",
                          "allowPrivilegeEscalation", "readOnlyRootFilesystem", "capabilities"},
    "env": {"name", "value", "valueFrom"},
    "resources": {"limits", "requests"},
    "volumeMount": {"name", "mountPath", "readOnly", "subPath"},
    "volume": {"name", "emptyDir", "hostPath", "configMap", "secret"},
    "emptyDir": {"medium", "sizeLimit"},
}
GPU_RESOURCES = {"nvidia.com/gpu", "gpu.intel.com/i915", "gpu.intel.com/xe", "amd.com/gpu"}
DEVICE = re.compile(r"^(egl|egl[0-9]+|/dev/dri/(card|renderD)[0-9]+|/dev/dri/by-path/.+|pci:[0-9a-fA-F:.]+)$")

errors = []


def check_fields(kind, obj, where):
    if not isinstance(obj, dict):
        errors.append(f"{where}: expected a mapping for {kind}")
        return {}
    for key in obj:
        if key not in FIELDS[kind]:
            errors.append(f"{where}: '{key}' is not a field of {kind}")
    return obj


def known_variables(source):
    text = (source / "include/eglrun/environment.hpp").read_text()
    return set(re.findall(r'"((?:EGLRUN|VGL)_[A-Z_]+)"', text))


def check_container(c, where, volumes, known):
    check_fields("container", c, where)
    check_fields("containersecurity", c.get("securityContext", {}), f"{where}.securityContext")
    check_fields("resources", c.get("resources", {}), f"{where}.resources")
    mounts = {}
    for i, m in enumerate(c.get("volumeMounts", [])):
        check_fields("volumeMount", m, f"{where}.volumeMounts[{i}]")
        if m.get("name") not in volumes:
            errors.append(f"{where}: volumeMount '{m.get('name')}' names no declared volume")
        mounts[m.get("mountPath")] = m.get("name")
    env = {}
    for i, e in enumerate(c.get("env", [])):
        check_fields("env", e, f"{where}.env[{i}]")
        env[e.get("name")] = e.get("value")
    for name, value in env.items():
        if re.match(r"^(EGLRUN|VGL)_", name or "") and name not in known:
            errors.append(f"{where}: {name} is not a variable eglrun reads (include/eglrun/environment.hpp)")
        if name in ("EGLRUN_DEVICE", "VGL_DISPLAY") and not DEVICE.match(str(value)):
            errors.append(f"{where}: {name}={value} is not a device name eglrun accepts")
    return mounts, env


def check_manifest(path, source, known):
    for n, doc in enumerate(yaml.safe_load_all(path.read_text())):
        where = f"{path.name}[{n}]"
        check_fields("pod", doc, where)
        if doc.get("kind") != "Pod" or doc.get("apiVersion") != "v1":
            errors.append(f"{where}: expected apiVersion v1, kind Pod")
        check_fields("metadata", doc.get("metadata", {}), f"{where}.metadata")
        spec = check_fields("podspec", doc.get("spec", {}), f"{where}.spec")
        check_fields("podsecurity", spec.get("securityContext", {}), f"{where}.spec.securityContext")
        volumes = {}
        for i, v in enumerate(spec.get("volumes", [])):
            check_fields("volume", v, f"{where}.volumes[{i}]")
            if "emptyDir" in v:
                check_fields("emptyDir", v["emptyDir"] or {}, f"{where}.volumes[{i}].emptyDir")
            volumes[v.get("name")] = v
        x_socket_users = []
        gl_programs = 0
        for group in ("initContainers", "containers"):
            for c in spec.get(group, []):
                cw = f"{where}.{group}.{c.get('name')}"
                mounts, env = check_container(c, cw, volumes, known)
                command = " ".join(map(str, c.get("command", []) + c.get("args", [])))
                runs_x = command.startswith("Xvfb") or command.startswith("Xvnc")
                limits = c.get("resources", {}).get("limits", {})
                if not runs_x and not (GPU_RESOURCES & set(limits)):
                    errors.append(f"{cw}: requests no GPU resource ({', '.join(sorted(GPU_RESOURCES))})")
                if "/tmp/.X11-unix" in mounts:
                    x_socket_users.append(c.get("name"))
                if group == "containers" and not runs_x:
                    gl_programs += 1
                    shm = volumes.get(mounts.get("/dev/shm"), {})
                    if (shm.get("emptyDir") or {}).get("medium") != "Memory":
                        errors.append(f"{cw}: /dev/shm is not a memory-backed emptyDir (the default is 64 MiB)")
                    if "DISPLAY" not in env:
                        errors.append(f"{cw}: no DISPLAY: the program would start its own Xvfb, not use the desktop's")
        if gl_programs == 0:
            errors.append(f"{where}: no container runs a GL program")
        if len(x_socket_users) < 2:
            errors.append(f"{where}: the X socket (/tmp/.X11-unix) is not shared by the X server and the program")


def check_dockerfile(path, source):
    text = path.read_text().replace("\\\n", " ")
    for line in text.splitlines():
        words = line.split()
        if words[:1] == ["COPY"] and not any(w.startswith("--from") for w in words):
            for src in words[1:-1]:
                if not (source / src).exists():
                    errors.append(f"{path.name}: COPY source {src} does not exist in the repository")
    runtime = text.split("FROM debian:12-slim", 1)
    if len(runtime) != 2:
        errors.append(f"{path.name}: no debian:12-slim runtime stage")
        return
    install = re.search(r"apt-get install -y --no-install-recommends ([^&]+)", runtime[1])
    if not install:
        errors.append(f"{path.name}: the runtime stage installs no packages")
        return
    packages = install.group(1).split()
    if subprocess.run(["apt-cache", "show", "libc6"], capture_output=True).returncode != 0:
        print("check_deploy: no apt package lists here: Dockerfile package names not checked")
        return
    for p in packages:
        if subprocess.run(["apt-cache", "show", p], capture_output=True).returncode != 0:
            errors.append(f"{path.name}: package {p} does not exist in this Debian release")
    # The library's own run-time dependencies must be in the image.
    for needed in ("libegl1", "libxcb-shm0", "libxcb-glx0", "libx11-6", "libfmt9"):
        if needed not in packages:
            errors.append(f"{path.name}: runtime stage lacks {needed}, which libeglrun.so links")


def main():
    source = pathlib.Path(sys.argv[1])
    known = known_variables(source)
    manifests = sorted((source / "deploy/kubernetes").glob("*.yaml"))
    if not manifests:
        errors.append("no manifests in deploy/kubernetes")
    for m in manifests:
        check_manifest(m, source, known)
    check_dockerfile(source / "deploy/container/Dockerfile", source)
    for e in errors:
        print("check_deploy:", e, file=sys.stderr)
    if errors:
        return 1
    print(f"check_deploy: {len(manifests)} manifests and the Dockerfile are consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())

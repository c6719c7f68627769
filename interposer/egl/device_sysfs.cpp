#include "egl/device_sysfs.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <deque>
#include <system_error>
#include <vector>

namespace eglrun::egl {
namespace fs = std::filesystem;
namespace {

std::deque<std::string> split_components(std::string_view path) {
  std::deque<std::string> out;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > pos) out.emplace_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  return out.empty() ? "/" : out;
}

bool parse_hex(std::string_view s, unsigned& out, size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out, 16);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool parse_dec(std::string_view s, unsigned& out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out, 10);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::string format_pci(unsigned domain, unsigned bus, unsigned dev, unsigned fn) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04x:%02x:%02x.%x", domain, bus, dev, fn);
  return buf;
}

}  // namespace

std::optional<std::string> resolve_node_path(std::string_view path, const fs::path& root) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  // Resolved by hand rather than with fs::canonical so that absolute link targets stay inside `root`.
  std::deque<std::string> todo = split_components(path);
  std::vector<std::string> done;
  int hops = 0;
  while (!todo.empty()) {
    std::string c = std::move(todo.front());
    todo.pop_front();
    if (c == ".") continue;
    if (c == "..") {
      if (!done.empty()) done.pop_back();
      continue;
    }
    done.push_back(c);
    fs::path real = root / join(done).substr(1);
    std::error_code ec;
    fs::file_status st = fs::symlink_status(real, ec);
    if (ec || !fs::exists(st)) return std::nullopt;
    if (!fs::is_symlink(st)) continue;
    if (++hops > 40) return std::nullopt;
    std::string target = fs::read_symlink(real, ec).string();
    if (ec) return std::nullopt;
    done.pop_back();
    if (!target.empty() && target.front() == '/') done.clear();
    auto parts = split_components(target);
    todo.insert(todo.begin(), parts.begin(), parts.end());
  }
  return join(done);
}

std::string pci_address_for_node(std::string_view node_path, const fs::path& root) {
  auto resolved = resolve_node_path(node_path, root);
  std::string node = fs::path(resolved ? *resolved : std::string(node_path)).filename().string();
  if (node.empty()) return "";
  auto device = resolve_node_path("/sys/class/drm/" + node + "/device", root);
  if (!device) return "";
  // The device link of a PCI GPU ends in its slot name; platform devices (SoCs) end in other names.
  auto pci = normalize_pci_address(fs::path(*device).filename().string());
  return pci ? *pci : "";
}

std::optional<std::string> normalize_pci_address(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char ch) { return std::tolower(ch); });
  std::string_view s = lower;
  bool prefixed = s.starts_with("pci:");
  if (prefixed) s.remove_prefix(4);

  std::vector<std::string_view> fields;
  size_t pos = 0;
  while (true) {
    size_t colon = s.find(':', pos);
    fields.push_back(s.substr(pos, colon == std::string_view::npos ? std::string_view::npos : colon - pos));
    if (colon == std::string_view::npos) break;
    pos = colon + 1;
  }
  unsigned domain = 0, bus = 0, dev = 0, fn = 0;
  std::string_view last = fields.back();
  size_t dot = last.find('.');
  if (dot != std::string_view::npos && (fields.size() == 2 || fields.size() == 3)) {
    // Linux form: [domain:]bus:device.function in hex.
    if (fields.size() == 3 && !parse_hex(fields[0], domain, 4)) return std::nullopt;
    if (!parse_hex(fields[fields.size() - 2], bus, 2)) return std::nullopt;
    if (!parse_hex(last.substr(0, dot), dev, 2) || dev > 0x1f) return std::nullopt;
    if (!parse_hex(last.substr(dot + 1), fn, 1) || fn > 7) return std::nullopt;
    return format_pci(domain, bus, dev, fn);
  }
  if (prefixed && fields.size() == 3 && dot == std::string_view::npos) {
    // Xorg's BusID form: PCI:bus:device:function in decimal.
    if (!parse_dec(fields[0], bus) || !parse_dec(fields[1], dev) || !parse_dec(fields[2], fn))
      return std::nullopt;
    if (bus > 255 || dev > 31 || fn > 7) return std::nullopt;
    return format_pci(0, bus, dev, fn);
  }
  return std::nullopt;
}

bool looks_like_pci_address(std::string_view text) {
  if (text.size() >= 4 && (text.substr(0, 4) == "pci:" || text.substr(0, 4) == "PCI:")) return true;
  return normalize_pci_address(text).has_value();
}

}  // namespace eglrun::egl

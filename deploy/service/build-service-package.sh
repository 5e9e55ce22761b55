#!/usr/bin/env bash
# Builds the verdict service package: artifacts/service-package/SecureMailGate-Service-<version>.zip
#   service/   SecureMailGate.Service.exe (win-x64, self-contained: no .NET needed on the server), its inspection
#              worker, NLog.config, the add-in's files (addin/) and the default policy (securemailgate.json, monitor)
#   Install-SecureMailGateService.ps1, Uninstall-SecureMailGateService.ps1, Install-SecureMailGateAddin.ps1,
#   appsettings.example.json, OUTLOOK-ADDIN.md (the administrator's guide)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${OUT:-$root/artifacts/service-package}"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
package="$work/SecureMailGate-Service-$version"
mkdir -p "$package/service" "$out"

dotnet publish "$root/src/SecureMailGate.Service/SecureMailGate.Service.csproj" -c Release -r win-x64 --self-contained true \
  -o "$package/service" -nologo -v quiet
rm -f "$package/service/"*.pdb
cp "$root/config/securemailgate.json" "$package/service/"
cp "$root/deploy/service/"*.ps1 "$package/"
cp "$root/deploy/service/appsettings.json" "$package/appsettings.example.json"
cp "$root/docs/OUTLOOK-ADDIN.md" "$package/"

zip_path="$out/SecureMailGate-Service-$version.zip"
rm -f "$zip_path"
(cd "$work" && python3 -m zipfile -c "$zip_path" "SecureMailGate-Service-$version")
echo "== $zip_path"

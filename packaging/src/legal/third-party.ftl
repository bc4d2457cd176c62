<#-- THIRD-PARTY.txt for the kpp app-image and installers (license-maven-plugin add-third-party).
     licenseMap: licence name -> the dependencies (MavenProject) under it. -->
<#function artifactFormat p>
    <#return (p.name?has_content && p.name?index_of('Unnamed') < 0)?then(p.name, p.artifactId) + " " + p.version
        + " (" + p.groupId + ":" + p.artifactId + (p.url?has_content)?then(", " + p.url, "") + ")">
</#function>
kpp bundles the following third-party libraries, grouped by licence. The licence
texts are in licenses/, the licence and NOTICE files the libraries ship in their
jars are in bundled/<library>/, and the fonts inside the libraries are listed in
FONTS.txt. The Java runtime's own notices are in the runtime's legal/ directory.

<#assign texts = {
    "Apache License, Version 2.0": "licenses/Apache-2.0.txt",
    "GNU General Public License, version 2, with the Classpath Exception": "licenses/GPL-2.0-with-Classpath-exception.txt",
    "BSD 3-Clause License": "licenses/BSD-3-Clause.txt",
    "MIT License": "licenses/MIT.txt"}>
${dependencyMap?size} libraries:
<#list licenseMap as e>

${e.getKey()} (${texts[e.getKey()]!"text: see the library's notices in bundled/"}):
<#list e.getValue() as p>
    ${artifactFormat(p)}
</#list>
</#list>

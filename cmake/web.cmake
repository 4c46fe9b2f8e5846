# Builds the web UI (web/, Svelte + Vite) and embeds it into the binary, so `clause9 serve` needs nothing beside
# itself at run time (docs/ui.md):
#   1. web/scripts/ensure-deps.mjs runs `npm ci` when web/package-lock.json changed since the last install; it runs
#      on every build and costs a hash when nothing changed.
#   2. web/scripts/generate.mjs writes web/src/generated/ (API types, register shapes, permission table) from the
#      API document and permission table that clause9_schema wrote (target c9_schema, src/CMakeLists.txt) when
#      either changed. It rewrites only the files whose content changes, so an unchanged document reruns nothing.
#   3. `npm run build` (Vite) runs when a file of the UI changed, into <build>/web/dist, so build directories do not
#      share their output.
#   4. web/scripts/embed.mjs writes <build>/web/web_assets.cpp: every file with its gzip variant, content type,
#      ETag and cache policy.
# The web tests (tests/browser: svelte-check, vitest, the browser end-to-end test) read web/src and so the generated
# files too; they run after the build.
# With -DCLAUSE9_WEB_UI=OFF (no Node.js at hand) the binary serves a one-page notice instead of the UI.

option(CLAUSE9_WEB_UI "Build the web UI with Node.js and npm and embed it" ON)

set(CLAUSE9_WEB_DIR ${PROJECT_SOURCE_DIR}/web)
set(CLAUSE9_WEB_OUT ${PROJECT_BINARY_DIR}/web)

# Adds the embedded assets to a target (the c9_web library).
function(clause9_web_assets target)
  set(assets_cpp ${CLAUSE9_WEB_OUT}/web_assets.cpp)
  if(NOT CLAUSE9_WEB_UI)
    file(MAKE_DIRECTORY ${CLAUSE9_WEB_OUT}/placeholder)
    file(WRITE ${CLAUSE9_WEB_OUT}/placeholder/index.html
         "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Clause9</title>"
         "<h1>Clause9</h1><p>This binary was built without its web UI (CLAUSE9_WEB_UI=OFF). "
         "The REST API is at /api/v1 (see /api/v1/openapi.json).</p></html>\n")
    find_program(CLAUSE9_NODE node)
    if(NOT CLAUSE9_NODE)
      message(FATAL_ERROR "Embedding even the placeholder page needs Node.js; install nodejs (scripts/install-deps.sh)")
    endif()
    add_custom_command(
      OUTPUT ${assets_cpp}
      COMMAND ${CLAUSE9_NODE} ${CLAUSE9_WEB_DIR}/scripts/embed.mjs ${CLAUSE9_WEB_OUT}/placeholder ${assets_cpp}
      DEPENDS ${CLAUSE9_WEB_DIR}/scripts/embed.mjs
      COMMENT "Embedding the web UI placeholder")
    target_sources(${target} PRIVATE ${assets_cpp})
    return()
  endif()

  find_program(CLAUSE9_NODE node)
  find_program(CLAUSE9_NPM npm)
  if(NOT CLAUSE9_NODE OR NOT CLAUSE9_NPM)
    message(FATAL_ERROR
      "The web UI needs Node.js 18.19 or later and npm: run scripts/install-deps.sh (it installs Debian's nodejs "
      "and npm when node is missing), or configure with -DCLAUSE9_WEB_UI=OFF to build without the UI.")
  endif()
  execute_process(COMMAND ${CLAUSE9_NODE} --version OUTPUT_VARIABLE node_version OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(REGEX REPLACE "^v" "" node_version "${node_version}")
  if(node_version VERSION_LESS 18.19)
    message(FATAL_ERROR "The web UI needs Node.js 18.19 or later; ${CLAUSE9_NODE} is ${node_version}.")
  endif()

  # 1. npm ci when the lock file changed. The hash file is a byproduct: the build below reruns when it changes.
  set(lock_hash ${CLAUSE9_WEB_DIR}/node_modules/.clause9-lock-hash)
  add_custom_target(c9_web_deps
    COMMAND ${CLAUSE9_NODE} ${CLAUSE9_WEB_DIR}/scripts/ensure-deps.mjs
    BYPRODUCTS ${lock_hash}
    WORKING_DIRECTORY ${CLAUSE9_WEB_DIR}
    COMMENT "Checking the web UI's npm packages"
    USES_TERMINAL)

  # 2. The generated sources. The stamp is the output; the files are byproducts that keep their time when their
  #    content is unchanged, so Vite reruns only when one of them changed. Two build directories write the same files
  #    from the same sources.
  set(generated ${CLAUSE9_WEB_DIR}/src/generated)
  set(generated_sources ${generated}/api.d.ts ${generated}/registers.ts ${generated}/permissions.ts)
  add_custom_command(
    OUTPUT ${CLAUSE9_WEB_OUT}/generated.stamp
    BYPRODUCTS ${generated_sources} ${generated}/openapi.json ${generated}/permissions.json
    COMMAND ${CLAUSE9_NODE} ${CLAUSE9_WEB_DIR}/scripts/generate.mjs ${CLAUSE9_GENERATED}
    COMMAND ${CMAKE_COMMAND} -E touch ${CLAUSE9_WEB_OUT}/generated.stamp
    DEPENDS ${CLAUSE9_OPENAPI} ${CLAUSE9_GENERATED}/permissions.json
            ${CLAUSE9_WEB_DIR}/scripts/generate.mjs ${lock_hash}
    WORKING_DIRECTORY ${CLAUSE9_WEB_DIR}
    COMMENT "Generating the web UI's API types, register shapes and permission table")
  add_custom_target(c9_web_generated DEPENDS ${CLAUSE9_WEB_OUT}/generated.stamp)
  add_dependencies(c9_web_generated c9_schema c9_web_deps)

  # 3. Vite, when a source of the UI changed.
  file(GLOB_RECURSE web_sources CONFIGURE_DEPENDS
       ${CLAUSE9_WEB_DIR}/src/*
       ${CLAUSE9_WEB_DIR}/public/*)
  list(FILTER web_sources EXCLUDE REGEX "\\.test\\.ts$")
  list(FILTER web_sources EXCLUDE REGEX "^${generated}/")
  set(dist ${CLAUSE9_WEB_OUT}/dist)
  add_custom_command(
    OUTPUT ${dist}/index.html
    COMMAND ${CLAUSE9_NPM} run --silent build -- --outDir ${dist} --emptyOutDir --logLevel warn
    DEPENDS ${web_sources} ${generated_sources} ${lock_hash}
            ${CLAUSE9_WEB_DIR}/index.html ${CLAUSE9_WEB_DIR}/vite.config.ts ${CLAUSE9_WEB_DIR}/svelte.config.js
            ${CLAUSE9_WEB_DIR}/tsconfig.json ${CLAUSE9_WEB_DIR}/package.json
    WORKING_DIRECTORY ${CLAUSE9_WEB_DIR}
    COMMENT "Building the web UI (npm run build)"
    USES_TERMINAL)

  # 4. The C++ source with every file of the build.
  add_custom_command(
    OUTPUT ${assets_cpp}
    COMMAND ${CLAUSE9_NODE} ${CLAUSE9_WEB_DIR}/scripts/embed.mjs ${dist} ${assets_cpp}
    DEPENDS ${dist}/index.html ${CLAUSE9_WEB_DIR}/scripts/embed.mjs
    COMMENT "Embedding the web UI")
  add_custom_target(c9_web_build DEPENDS ${assets_cpp})
  add_dependencies(c9_web_build c9_web_deps c9_web_generated)
  add_dependencies(${target} c9_web_build)
  target_sources(${target} PRIVATE ${assets_cpp})
endfunction()

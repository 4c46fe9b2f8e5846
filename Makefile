# The two commands of the README, and the habits around them.
#   make run   builds, creates the demo database clause9.db on first run, prints its summary, makes one login per
#              role and serves the API at http://127.0.0.1:8027
#   make test  builds with warnings as errors, runs every test, then again under ASan+UBSan

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CLAUSE9    := $(BUILD)/src/clause9
DB         ?= clause9.db

.PHONY: all deps build run test test-fast test-asan bench format lint clean

all: build

deps:
	@scripts/install-deps.sh test

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAUSE9_WERROR=ON

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# One login per role, made once with a random password printed here (nothing secret is kept in the repository);
# each is linked to a demo person holding the matching ISMS role, found in `person list --json`.
LISTEN ?= 127.0.0.1:8027
run: build
	@if [ ! -f "$(DB)" ]; then $(CLAUSE9) --db "$(DB)" demo; fi
	@$(CLAUSE9) --db "$(DB)" init >/dev/null
	@$(CLAUSE9) --db "$(DB)" summary
	@set -e; \
	person_with_role() { \
	  $(CLAUSE9) --db "$(DB)" --json person list | \
	    awk -F'"' -v role="$$1" '$$2 == "email" { email = $$4 } $$2 == "roles" && index($$4, role) { print email; exit }'; \
	}; \
	accounts=$$($(CLAUSE9) --db "$(DB)" --json user list); \
	echo; \
	for login in admin: chair:iso member:department auditor:auditor; do \
	  role=$${login%%:*}; isms_role=$${login#*:}; email="$$role@northwind.example"; \
	  if printf '%s\n' "$$accounts" | grep -q "\"$$email\""; then \
	    echo "login $$email exists; new password: $(CLAUSE9) --db $(DB) user update $$email --password-stdin"; \
	    continue; \
	  fi; \
	  person=""; if [ -n "$$isms_role" ]; then person=$$(person_with_role "$$isms_role"); fi; \
	  password=$$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | cut -c1-20); \
	  printf '%s\n' "$$password" | $(CLAUSE9) --db "$(DB)" user add --email "$$email" --name "Demo $$role" \
	    --role "$$role" $${person:+--person "$$person"} --password-stdin >/dev/null; \
	  echo "login $$email  password $$password$${person:+  (acts as $$person)}"; \
	done; \
	echo; echo "Clause9 at http://$(LISTEN)  (Ctrl-C stops the server)"
	@$(CLAUSE9) --db "$(DB)" serve --listen "$(LISTEN)"

test: test-fast test-asan

test-fast: build
	cd $(BUILD) && ctest --output-on-failure --timeout 600 -j $(JOBS)

$(ASAN_BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCLAUSE9_WERROR=ON -DCLAUSE9_SANITIZE=ON \
	  -DCLAUSE9_BENCH=OFF -DCMAKE_CXX_FLAGS=-O1

test-asan: deps $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure --timeout 600 -j $(JOBS) -LE slow

bench: build
	bench/run-all.sh $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

lint: build
	run-clang-tidy -p $(BUILD) -quiet $$(git ls-files 'src/*.cpp') 2>/dev/null || \
	  clang-tidy -p $(BUILD) --quiet $$(git ls-files 'src/*.cpp')
	cppcheck --quiet --enable=warning,performance --std=c++20 --suppress=missingIncludeSystem \
	  -I src $$(git ls-files 'src/*.cpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)

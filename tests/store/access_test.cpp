// The access rules every use case applies (app/access.h), one table of callers and rows.
#include "app/access.h"
#include "test_support.h"

namespace c9 {
namespace {

Caller account_caller(Role role, std::optional<Id> person)
{
    return Caller{"user:1", person, test::at("2026-06-15T10:00:00Z"), Standing::account, 1, role};
}

TEST(Access, TheOwnGrantReachesOnlyTheRowsTheCallersPersonOwns)
{
    struct Case {
        const char* name;
        Caller caller;
        Permission permission;
        std::optional<Id> owner;
        std::optional<ErrorCode> refused;
    };
    Caller anonymous{"anonymous", std::nullopt, test::at("2026-06-15T10:00:00Z")};
    std::vector<Case> cases{
        {"the CLI holds the database", test::caller_at(), Permission::configure, std::nullopt, std::nullopt},
        {"an admin edits any row", account_caller(Role::admin, std::nullopt), Permission::edit_register, 7,
            std::nullopt},
        {"a member edits their own row", account_caller(Role::member, 7), Permission::edit_register, 7, std::nullopt},
        {"a member edits another's row", account_caller(Role::member, 7), Permission::edit_register, 8,
            ErrorCode::forbidden},
        {"a member edits a row without an owner", account_caller(Role::member, 7), Permission::edit_register,
            std::nullopt, ErrorCode::forbidden},
        {"a member without a person", account_caller(Role::member, std::nullopt), Permission::edit_register,
            std::nullopt, ErrorCode::forbidden},
        {"an auditor changes nothing", account_caller(Role::auditor, 7), Permission::edit_register, 7,
            ErrorCode::forbidden},
        {"a chair may not configure", account_caller(Role::chair, 7), Permission::configure, std::nullopt,
            ErrorCode::forbidden},
        {"nobody without an account", anonymous, Permission::read, std::nullopt, ErrorCode::unauthorized},
    };
    for (const auto& test_case : cases) {
        auto result = require(test_case.caller, test_case.permission, test_case.owner, "risks");
        if (!test_case.refused) {
            EXPECT_TRUE(result) << test_case.name << ": " << result.error().message();
            continue;
        }
        ASSERT_FALSE(result) << test_case.name;
        EXPECT_EQ(result.error().code(), *test_case.refused) << test_case.name;
    }
}

TEST(Access, OnlyTheCliAndAdminsManageOtherAccounts)
{
    EXPECT_TRUE(manages_accounts(test::caller_at()));
    EXPECT_TRUE(manages_accounts(account_caller(Role::admin, std::nullopt)));
    EXPECT_FALSE(manages_accounts(account_caller(Role::chair, 3)));
    EXPECT_FALSE(manages_accounts(Caller{"anonymous", std::nullopt, test::at("2026-06-15T10:00:00Z")}));
}

TEST(Access, MeetingsAndSeriesAreTheChairsAndTheRestEditRegister)
{
    EXPECT_EQ(write_permission("meeting"), Permission::manage_meetings);
    EXPECT_EQ(write_permission("series"), Permission::manage_meetings);
    EXPECT_EQ(write_permission("risk"), Permission::edit_register);
}

} // namespace
} // namespace c9

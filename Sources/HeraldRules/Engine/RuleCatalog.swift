/// Every rule Herald knows, in documentation order. A test fails when a rule file is not listed here.
public enum RuleCatalog {
    public static let all: [any Rule] = [
        InventorySchemaRule(),
        InventoryHasAccountsRule(),
        UnitKnownRule(),
        DuplicateAccountRule(),
        BioStatesOfficeRule(),
        OwnerAssignedRule(),
        UnitStandardsRule(),
        ReviewCurrentRule(),
        ReviewRecordedRule(),
        TwoFactorRule(),
        CredentialsVaultedRule(),
        NoSecretsRule(),
        OfficialEmailRule(),
        OwnerTrainedRule(),
        EscalationContactRule(),
        MaintainerKnownRule(),
        MaintainerCanReviewRule(),
        DormantAccountRule(),
        RetiredHandleHeldRule(),
        ImpostorNotOfficialRule(),
        ImpostorOnHeldHandleRule(),
        ImpostorFollowedUpRule(),
        ToolAccountUnregisteredRule(),
        RegisteredAccountVanishedRule(),
        BioDriftRule(),
        ToolAdminUnregisteredRule(),
        ToolDisconnectedRule(),
        BioLengthRule(),
        HandleSyntaxRule(),
        URLMatchesHandleRule(),
        WaiverInvalidRule(),
        WaiverExpiredRule(),
        WaiverUnusedRule(),
    ]

    /// The rule with this id, if there is one.
    public static func rule(withID id: String) -> (any Rule)? {
        all.first { $0.description.id == id }
    }
}

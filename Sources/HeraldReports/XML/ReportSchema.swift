/// `herald-report.xsd`, embedded so `herald validate-report` works wherever the binary is copied. The same
/// text is in Reports/schema/herald-report.xsd (the source: edit it, then run Scripts/embed-schema.py);
/// a test fails when the two differ.
public enum ReportSchema {
    public static let fileName = "herald-report.xsd"

    public static let text = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Herald report schema, version 1: the structure of report.xml written by `herald audit`.
  Documented element by element in docs/reports.md. The namespace carries the version: a change that
  could break a reader gets a new namespace (urn:herald:report:2), never an edit of this one.
  Validate a report with `herald validate-report report.xml`.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:h="urn:herald:report:1"
           targetNamespace="urn:herald:report:1"
           elementFormDefault="qualified"
           attributeFormDefault="unqualified">

  <xs:element name="report">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="organisation" type="h:Organisation"/>
        <xs:element name="summary" type="h:Summary"/>
        <xs:element name="rules" type="h:Rules"/>
        <xs:element name="units" type="h:Units"/>
        <xs:element name="organisationFindings" type="h:OrganisationFindings" minOccurs="0"/>
        <xs:element name="accounts" type="h:Accounts"/>
      </xs:sequence>
      <xs:attribute name="schemaVersion" type="xs:positiveInteger" use="required" fixed="1"/>
      <xs:attribute name="tool" type="xs:string" use="required"/>
      <xs:attribute name="toolVersion" type="xs:string" use="required"/>
      <xs:attribute name="asOf" type="xs:date" use="required"/>
    </xs:complexType>
    <xs:key name="ruleId">
      <xs:selector xpath="h:rules/h:rule"/>
      <xs:field xpath="@id"/>
    </xs:key>
    <xs:key name="unitId">
      <xs:selector xpath="h:units/h:unit"/>
      <xs:field xpath="@id"/>
    </xs:key>
    <xs:keyref name="accountStandards" refer="h:unitId">
      <xs:selector xpath="h:accounts/h:account"/>
      <xs:field xpath="@standards"/>
    </xs:keyref>
    <xs:keyref name="findingRule" refer="h:ruleId">
      <xs:selector xpath="h:accounts/h:account/h:finding|h:organisationFindings/h:finding"/>
      <xs:field xpath="@rule"/>
    </xs:keyref>
  </xs:element>

  <xs:complexType name="Organisation">
    <xs:sequence>
      <xs:element name="officialDomain" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="standards" type="h:Standards"/>
    </xs:sequence>
    <xs:attribute name="name" type="xs:string" use="required"/>
  </xs:complexType>

  <xs:complexType name="Summary">
    <xs:attribute name="verdict" use="required">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:enumeration value="passed"/>
          <xs:enumeration value="warnings"/>
          <xs:enumeration value="failed"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
    <xs:attribute name="accounts" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="units" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="failingAccounts" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="errors" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="warnings" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="waived" type="xs:nonNegativeInteger" default="0"/>
  </xs:complexType>

  <xs:complexType name="Rules">
    <xs:sequence>
      <xs:element name="rule" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="summary" type="xs:string"/>
          </xs:sequence>
          <xs:attribute name="id" type="h:RuleId" use="required"/>
          <xs:attribute name="severity" type="h:Severity" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Units">
    <xs:sequence>
      <xs:element name="unit" type="h:Unit" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Unit">
    <xs:sequence>
      <xs:element name="alias" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="maintainer" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="standards" type="h:Standards" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="id" type="xs:string" use="required"/>
    <xs:attribute name="name" type="xs:string"/>
    <xs:attribute name="parent" type="xs:string"/>
    <xs:attribute name="defined" type="xs:boolean" use="required"/>
    <xs:attribute name="accounts" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="failingAccounts" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="errors" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="warnings" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="waived" type="xs:nonNegativeInteger" default="0"/>
    <xs:attribute name="escalation" type="xs:string"/>
  </xs:complexType>

  <xs:complexType name="Standards">
    <xs:sequence>
      <xs:element name="platform" type="h:Platform" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="bioMustInclude" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="bioMustNotInclude" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="bioMaxLength" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="platform" type="h:Platform" use="required"/>
          <xs:attribute name="characters" type="xs:positiveInteger" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
    <xs:attribute name="minOwners" type="xs:positiveInteger" use="required"/>
    <xs:attribute name="reviewEveryDays" type="xs:positiveInteger" use="required"/>
    <xs:attribute name="requireArchiving" type="xs:boolean" use="required"/>
    <xs:attribute name="handlePattern" type="xs:string"/>
    <xs:attribute name="requireTwoFactor" type="xs:boolean" default="true"/>
    <xs:attribute name="requireVault" type="xs:boolean" default="true"/>
    <xs:attribute name="requireEscalationContact" type="xs:boolean" default="true"/>
    <xs:attribute name="trainingEveryDays" type="xs:positiveInteger" default="365"/>
    <xs:attribute name="dormantAfterDays" type="xs:positiveInteger" default="180"/>
    <xs:attribute name="maxWaiverDays" type="xs:positiveInteger" default="365"/>
  </xs:complexType>

  <xs:complexType name="OrganisationFindings">
    <xs:sequence>
      <xs:element name="finding" type="h:Finding" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Accounts">
    <xs:sequence>
      <xs:element name="account" type="h:Account" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Account">
    <xs:sequence>
      <xs:element name="bio" type="xs:string" minOccurs="0"/>
      <xs:element name="owner" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="waiver" type="h:Waiver" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="finding" type="h:Finding" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="file" type="xs:string" use="required"/>
    <xs:attribute name="platform" type="h:Platform"/>
    <xs:attribute name="handle" type="xs:string"/>
    <xs:attribute name="unit" type="xs:string"/>
    <xs:attribute name="status" type="h:Status"/>
    <xs:attribute name="standards" type="xs:string"/>
    <xs:attribute name="read" type="xs:boolean" default="true"/>
    <xs:attribute name="name" type="xs:string"/>
    <xs:attribute name="url" type="xs:string"/>
    <xs:attribute name="created" type="xs:date"/>
    <xs:attribute name="lastReviewed" type="xs:date"/>
    <xs:attribute name="archiving" type="xs:string"/>
    <xs:attribute name="twoFactor" type="xs:boolean"/>
    <xs:attribute name="credentials" type="xs:string"/>
    <xs:attribute name="recoveryEmail" type="xs:string"/>
    <xs:attribute name="escalation" type="xs:string"/>
    <xs:attribute name="lastPost" type="xs:date"/>
    <xs:attribute name="retiredOn" type="xs:date"/>
    <xs:attribute name="handleHeld" type="xs:boolean"/>
  </xs:complexType>

  <!-- A waiver as the account file writes it; whether it is valid, expired or unused is in the findings. -->
  <xs:complexType name="Waiver">
    <xs:attribute name="rule" type="xs:string"/>
    <xs:attribute name="reason" type="xs:string"/>
    <xs:attribute name="approvedBy" type="xs:string"/>
    <xs:attribute name="expires" type="xs:date"/>
    <xs:attribute name="line" type="xs:positiveInteger" use="required"/>
  </xs:complexType>

  <xs:complexType name="Finding">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="rule" type="h:RuleId" use="required"/>
        <xs:attribute name="severity" type="h:Severity" use="required"/>
        <xs:attribute name="file" type="xs:string" use="required"/>
        <xs:attribute name="line" type="xs:positiveInteger" use="required"/>
        <xs:attribute name="column" type="xs:positiveInteger" use="required"/>
        <xs:attribute name="field" type="xs:string"/>
        <!-- Set when a valid waiver excuses the finding: it counts neither as an error nor as a warning. -->
        <xs:attribute name="waived" type="xs:boolean" default="false"/>
        <xs:attribute name="waiverReason" type="xs:string"/>
        <xs:attribute name="waiverApprovedBy" type="xs:string"/>
        <xs:attribute name="waiverExpires" type="xs:date"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>

  <xs:simpleType name="RuleId">
    <xs:restriction base="xs:string">
      <xs:pattern value="[a-z][a-z0-9]*(-[a-z0-9]+)*"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Severity">
    <xs:restriction base="xs:string">
      <xs:enumeration value="error"/>
      <xs:enumeration value="warning"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Platform">
    <xs:restriction base="xs:string">
      <xs:enumeration value="x"/>
      <xs:enumeration value="instagram"/>
      <xs:enumeration value="facebook"/>
      <xs:enumeration value="linkedin"/>
      <xs:enumeration value="youtube"/>
      <xs:enumeration value="tiktok"/>
      <xs:enumeration value="threads"/>
      <xs:enumeration value="bluesky"/>
      <xs:enumeration value="mastodon"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="Status">
    <xs:restriction base="xs:string">
      <xs:enumeration value="active"/>
      <xs:enumeration value="dormant"/>
      <xs:enumeration value="retired"/>
    </xs:restriction>
  </xs:simpleType>
</xs:schema>

"""#
}
